import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import type { AgencyKind, AgencySector } from '@dvc/core';
import { IsIsoDate } from '../common/date-validators';

/** May be left out, but null is no value (a 422 like any other wrong type). */
const OmittableNotNull = () => ValidateIf((_, value) => value !== undefined);
const KINDS: AgencyKind[] = ['people_committee', 'one_stop_desk', 'department', 'office'];
const PROCEDURE_CODE = /^[0-9A-Za-z.\-_]{1,20}$/;
/** A brandname sender id: at most 11 letters, digits, dots, dashes or spaces (GSM-7 safe). */
const BRANDNAME = /^[A-Za-z0-9][A-Za-z0-9 .-]{0,10}$/;
const MAX_ASSIGNMENTS = 2000;

export class AgencyProceduresDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['1.001193'],
    description: 'Procedures this agency is named to receive (replaces the list); empty: whatever its level receives',
  })
  @OmittableNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_ASSIGNMENTS)
  @IsString({ each: true })
  @Matches(PROCEDURE_CODE, { each: true, message: 'each must be a procedure code like 1.001193' })
  receives?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['1.001193'],
    description: 'Procedures this agency is named to process (replaces the list); empty: by its sectors',
  })
  @OmittableNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_ASSIGNMENTS)
  @IsString({ each: true })
  @Matches(PROCEDURE_CODE, { each: true, message: 'each must be a procedure code like 1.001193' })
  processes?: string[];
}

export class AgencyCreateDto {
  @ApiProperty({
    example: '005.35.22.H26',
    description: "Electronic identifier, QCVN 102:2016 shape, numbered directly under the unit's People's Committee; unique",
  })
  @IsString()
  @MaxLength(40)
  code: string;

  @ApiProperty({ example: 'Bộ phận tiếp nhận hộ tịch Phường Tràng Tiền' })
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { message: 'must not be blank' })
  name: string;

  @ApiProperty({ enum: ['one_stop_desk', 'department', 'office'] })
  @IsIn(KINDS, { message: `must be one of ${KINDS.join(', ')}` })
  kind: AgencyKind;

  @ApiProperty({ example: '00079', description: 'Statistics-office code of the unit the agency belongs to' })
  @IsString()
  @Matches(/^\d{2,5}$/, { message: 'must be a statistics-office unit code (2–5 digits)' })
  unitCode: string;

  @ApiProperty({ type: [String], example: ['justice'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  sectors: AgencySector[];

  @ApiProperty({ description: 'Dossiers may be received (registered) here' })
  @IsBoolean()
  receives: boolean;

  @ApiPropertyOptional({ example: 'TRANGTIEN', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(BRANDNAME, { message: 'must be at most 11 letters, digits, dots, dashes or spaces' })
  smsBrandname?: string | null;

  @ApiPropertyOptional({ type: AgencyProceduresDto })
  @OmittableNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => AgencyProceduresDto)
  procedures?: AgencyProceduresDto;
}

export class AgencyUpdateDto {
  @ApiPropertyOptional()
  @OmittableNotNull()
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { message: 'must not be blank' })
  name?: string;

  @ApiPropertyOptional({ type: [String] })
  @OmittableNotNull()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  sectors?: AgencySector[];

  @ApiPropertyOptional()
  @OmittableNotNull()
  @IsBoolean()
  receives?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(BRANDNAME, { message: 'must be at most 11 letters, digits, dots, dashes or spaces' })
  smsBrandname?: string | null;

  @ApiPropertyOptional({ type: AgencyProceduresDto })
  @OmittableNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => AgencyProceduresDto)
  procedures?: AgencyProceduresDto;

  @ApiPropertyOptional({
    example: '2027-01-01',
    nullable: true,
    type: String,
    description: 'First day the agency no longer receives (today or later); null withdraws a closure not yet begun',
  })
  @IsOptional()
  @IsIsoDate()
  closedFrom?: string | null;
}

export class AgencyListQueryDto {
  @ApiPropertyOptional({ example: '00079' })
  @IsOptional()
  @Matches(/^\d{2,5}$/, { message: 'must be a statistics-office unit code (2–5 digits)' })
  unitCode?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  includeClosed?: 'true' | 'false';
}

export class AdminAgencyProceduresDto {
  @ApiProperty({ type: [String] }) receives: string[];
  @ApiProperty({ type: [String] }) processes: string[];
}

export class AdminAgencyDto {
  @ApiProperty({ example: '005.35.22.H26' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: KINDS }) kind: string;
  @ApiProperty({ example: '00079' }) unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty() receives: boolean;
  @ApiProperty({ description: 'Officers of agencies with the same scope share a worklist' }) scopeCode: string;
  @ApiProperty({ nullable: true, type: String }) smsBrandname: string | null;
  @ApiProperty({ example: '2026-12-03' }) validFrom: string;
  @ApiProperty({ nullable: true, type: String, description: 'Last day open' }) validTo: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'First day closed' }) closedFrom: string | null;
  @ApiProperty({ description: 'Open today' }) open: boolean;
  @ApiProperty({ nullable: true, type: String }) successorCode: string | null;
  @ApiProperty({ type: AdminAgencyProceduresDto }) procedures: AdminAgencyProceduresDto;
}

export class AdminAgencyDetailDto extends AdminAgencyDto {
  @ApiProperty({ description: 'Dossiers now at this agency and not finished (they stay with its officers after a closure)' }) openDossiers: number;
}
