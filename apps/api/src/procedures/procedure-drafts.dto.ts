import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsObject, IsOptional, IsString, Matches, Min } from 'class-validator';
import { IsIsoInstant } from '../common/date-validators';

/** The parts are checked whole by the catalogue rules (libs/core procedure-draft), each fault at its field. */
export class DraftSaveDto {
  @ApiProperty({
    example: 0,
    description: "The revision last read (GET …/draft); 0 opens a draft. Another value than the draft's: 409 (one open draft per procedure)",
  })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  revision: number;

  @ApiPropertyOptional({
    description:
      'Fee rules {code, kind: fee|charge, name, basis: fixed|per_copy, amountVnd, copiesField?, exemptions?, exemptionField?, payment: before|after}',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  fees?: Record<string, unknown>[];

  @ApiPropertyOptional({
    example: { workingDays: 3 },
    description: 'Statutory time the deadline is computed from: {workingDays} (quarters allowed) or {workingHours}, sameDay?',
  })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  processingTime?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'Time per channel and case as published, for imported procedures: [{channel: online|direct|post, case, workingDays|workingHours}]',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  processingTimes?: Record<string, unknown>[];

  @ApiPropertyOptional({ description: 'Components {code, name, originals, certifiedCopies, photocopies, required, note?}' })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  components?: Record<string, unknown>[];

  @ApiPropertyOptional({
    description: 'JSON Schema (2020-12) of the e-form, compiled on save: a fault is a 422 at its JSON pointer (formSchema/properties/x/type)',
  })
  @IsOptional()
  @IsObject({ message: 'must be a JSON Schema object' })
  formSchema?: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'Steps {code, name, level: city|district|commune, sector (the agency doing it: one_stop, general, justice …), sharePercent}; first and last at a one-stop desk; shares add up to 100',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  workflow?: Record<string, unknown>[];
}

export class PublishDto {
  @ApiProperty({ example: '2027-01-01', description: 'Calendar date (Hà Nội) from which dossiers are received under the new version; today or later' })
  @IsString({ message: 'must be a date YYYY-MM-DD' })
  effectiveFrom: string;

  @ApiPropertyOptional({ description: 'The draft revision previewed; another value: 409' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  revision?: number;
}

export class PreviewQueryDto {
  @ApiPropertyOptional({ example: '2026-12-03T09:00:00+07:00', description: 'A sample receipt time for the computed deadline (default: now)' })
  @IsOptional()
  @IsIsoInstant()
  receivedAt?: string;

  @ApiPropertyOptional({ example: '00079', description: "Unit whose office hours apply (default: the city's)" })
  @IsOptional()
  @Matches(/^\d{2,5}$/, { message: 'must be a statistics-office unit code (2–5 digits)' })
  unitCode?: string;
}

export class DraftViewDto {
  @ApiProperty() procedureCode: string;
  @ApiProperty({ description: "False: no draft is open; edits are the newest version's" }) open: boolean;
  @ApiProperty() baseVersion: number;
  @ApiProperty() revision: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) edits: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedBy: string | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: '{version, effectiveFrom} of a published version waiting for its date',
  })
  scheduled: Record<string, unknown> | null;
}

export class PublishedDto {
  @ApiProperty() procedureCode: string;
  @ApiProperty() version: number;
  @ApiProperty({ example: '2027-01-01T00:00:00+07:00' }) effectiveFrom: string;
}
