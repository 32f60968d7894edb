import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

export class SmsListQueryDto {
  @ApiPropertyOptional({ example: '84912345678' }) @IsOptional() @IsString() @MaxLength(32) to?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) dossierCode?: string;
  @ApiPropertyOptional({ enum: ['queued', 'sending', 'sent', 'delivered', 'failed'] })
  @IsOptional()
  @IsIn(['queued', 'sending', 'sent', 'delivered', 'failed'], { message: 'must be queued, sending, sent, delivered or failed' })
  status?: 'queued' | 'sending' | 'sent' | 'delivered' | 'failed';
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'nextBefore from the previous page' }) @IsOptional() @IsUUID('all') before?: string;
}

export class SmsTemplateDto {
  @ApiProperty({ example: 'Hồ sơ {{code}} đã được tiếp nhận. Ngày hẹn trả: {{dueDate}}.' }) @IsString() @MinLength(1) @MaxLength(1000) body: string;
  @ApiProperty({ description: 'Keep Vietnamese diacritics (UCS-2: 70 characters a segment)' }) @IsBoolean() keepDiacritics: boolean;
}
