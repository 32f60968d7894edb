import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import type { AdminLevel } from '@dvc/core';

export class UnitsQueryDto {
  @ApiPropertyOptional({ description: 'GSO code of the parent unit', example: '002' })
  @IsOptional()
  @Matches(/^\d{2,5}$/, { message: 'must be a statistics-office unit code (2–5 digits)' })
  parentCode?: string;

  @ApiPropertyOptional({ enum: ['city', 'district', 'commune'] })
  @IsOptional()
  @IsIn(['city', 'district', 'commune'], { message: 'must be one of city, district, commune' })
  level?: AdminLevel;
}

export class AgencyDto {
  @ApiProperty({ example: '001.35.22.H26', description: 'Electronic identifier (QCVN 102:2016)' }) code: string;
  @ApiProperty({ example: 'Bộ phận Một cửa Phường Tràng Tiền' }) name: string;
  @ApiProperty({ enum: ['people_committee', 'one_stop_desk', 'department', 'office'] }) kind: string;
  @ApiProperty({ type: [String], example: ['one_stop'] }) sectors: string[];
  @ApiProperty({ description: 'Dossiers may be received here' }) receives: boolean;
}

export class UnitDto {
  @ApiProperty({ example: '00079' }) code: string;
  @ApiProperty({ example: 'Phường Tràng Tiền' }) name: string;
  @ApiProperty({ example: 'Phường' }) type: string;
  @ApiProperty({ enum: ['city', 'district', 'commune'] }) level: string;
  @ApiProperty({ nullable: true, type: String, example: '002' }) parentCode: string | null;
  @ApiProperty({ example: '2008-08-01' }) validFrom: string;
  @ApiProperty({ nullable: true, type: String }) validTo: string | null;
}

export class UnitParentDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class UnitDetailDto extends UnitDto {
  @ApiProperty({ type: UnitParentDto, nullable: true }) parent: UnitParentDto | null;
  @ApiProperty({ type: [AgencyDto] }) agencies: AgencyDto[];
  @ApiProperty() childCount: number;
}

export class OfficeSessionDto {
  @ApiProperty({ example: '07:30' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be HH:mm' }) start: string;
  @ApiProperty({ example: '11:30' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be HH:mm' }) end: string;
}

export class OfficeHoursDto {
  @ApiProperty({ type: [OfficeSessionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsObject({ each: true, message: 'each must be an object with start and end' })
  @ValidateNested({ each: true })
  @Type(() => OfficeSessionDto)
  sessions: OfficeSessionDto[];

  @ApiProperty({ example: '15:00', description: 'Afternoon cut-off for same-day procedures' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be HH:mm' })
  sameDayCutoff: string;

  @ApiProperty({ example: '17:00', description: 'After this a receipt counts from the next working morning' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be HH:mm' })
  cutoff: string;
}
