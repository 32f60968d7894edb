import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ProceduresQueryDto {
  @ApiPropertyOptional({ description: 'Words to find in the name, with or without diacritics', example: 'dang ky khai sinh' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Field code or name (lĩnh vực)', example: 'ho-tich' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  field?: string;

  @ApiPropertyOptional({ enum: [3, 4], description: '3 = một phần (partial), 4 = toàn trình (end-to-end)' })
  @IsOptional()
  @Type(() => Number)
  @IsIn([3, 4], { message: 'must be 3 or 4' })
  onlineLevel?: 3 | 4;

  @ApiPropertyOptional({ enum: ['city', 'district', 'commune'], description: 'Level that receives the procedure' })
  @IsOptional()
  @IsIn(['city', 'district', 'commune'], { message: 'must be one of city, district, commune' })
  level?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class OnlineLevelDto {
  @ApiProperty({ enum: [3, 4] }) level: number;
  @ApiProperty({ example: 'Mức độ 4' }) legacyName: string;
  @ApiProperty({ enum: ['partial', 'end_to_end'] }) decree42: string;
  @ApiProperty({ example: 'Toàn trình' }) decree42Name: string;
}

export class ProcedureSummaryDto {
  @ApiProperty({ example: '1.001193' }) code: string;
  @ApiProperty({ example: 'Đăng ký khai sinh' }) name: string;
  @ApiProperty({ example: 'Hộ tịch' }) field: string;
  @ApiProperty() fieldCode: string;
  @ApiProperty({ type: OnlineLevelDto }) onlineLevel: OnlineLevelDto;
  @ApiProperty({ type: [String], example: ['commune'] }) receivingLevels: string[];
  @ApiProperty({ example: 'commune' }) decidingLevel: string;
  @ApiProperty({ example: { workingDays: 1 } }) processingTime: Record<string, unknown>;
  @ApiProperty({ description: 'Sum of the fixed fees in VND' }) feeTotalVnd: number;
  @ApiProperty() chargedPerCopy: boolean;
}

export class ProcedurePageDto {
  @ApiProperty({ type: [ProcedureSummaryDto] }) items: ProcedureSummaryDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class ProcedureDetailDto extends ProcedureSummaryDto {
  @ApiProperty({
    enum: [0, 1, 2],
    description:
      'The sign-in an online submission needs: 0 any (phone OTP too), 1–2 that VNeID assurance level or higher (level-4 procedures default to VNEID_LEVEL4_ASSURANCE, 2)',
  })
  requiredAssurance: number;
  @ApiProperty({ example: 1, description: 'The version in force; a dossier keeps the version it was submitted under (its `procedureVersion`)' })
  version: number;
  @ApiProperty({
    example: '2026-12-03T10:00:00.000Z',
    description: 'Since when this version is in force (a published version waiting for its date is not shown until then)',
  })
  effectiveFrom: string;
  @ApiProperty({ description: 'Document components with original / certified copy / photocopy counts' }) components: Record<string, unknown>[];
  @ApiProperty({ description: 'Fee and charge rules, amounts in VND' }) fees: Record<string, unknown>[];
  @ApiProperty({ description: 'JSON Schema of the e-form' }) formSchema: Record<string, unknown>;
  @ApiProperty({ description: 'Workflow steps with level, sector and share of the time' }) workflow: Record<string, unknown>[];
  @ApiProperty() resultName: string;
  @ApiProperty({ type: [String] }) legalBasis: string[];
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description:
      'For procedures imported from the national portal: {processingTimes, feesByChannel, feeNotes, results} as published per channel and case; null otherwise',
  })
  national: Record<string, unknown> | null;
}
