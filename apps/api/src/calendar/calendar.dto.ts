import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsIsoInstant } from '../common/date-validators';

export class DueDateQueryDto {
  @ApiProperty({ example: '2026-11-27T16:00:00+07:00', description: 'When the dossier was received' })
  @IsIsoInstant()
  from: string;

  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0)
  @Max(365)
  workingDays?: number;

  @ApiPropertyOptional({ example: 4 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0)
  @Max(2920)
  workingHours?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Same-day procedure: the earlier afternoon cut-off applies' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  sameDay?: 'true' | 'false';

  @ApiPropertyOptional({ example: '00079' })
  @IsOptional()
  @Matches(/^\d{2,5}$/, { message: 'must be a statistics-office unit code (2–5 digits)' })
  unitCode?: string;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2026-02-17' }) @IsString() @MaxLength(10) date: string;
  @ApiProperty({ example: 'Tết Nguyên đán' }) @IsString() @MaxLength(200) name: string;
}

export class CalendarYearDto {
  @ApiProperty({ type: [CalendarDayDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true, message: 'each must be an object with date and name' })
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  holidays: CalendarDayDto[];

  @ApiProperty({ type: [CalendarDayDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true, message: 'each must be an object with date and name' })
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  workingWeekendDays: CalendarDayDto[];
}
