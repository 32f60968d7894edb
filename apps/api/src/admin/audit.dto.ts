import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsIsoInstant } from '../common/date-validators';

const NAME = /^[a-z][a-z0-9_]{0,39}$/;

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'An officer id, or a username (`cli:…` for the command line)', example: 'admin' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;

  @ApiPropertyOptional({ example: 'officer', description: 'officer, agency, procedure, calendar_year, sms_template, office_hours, reorganization, …' })
  @IsOptional()
  @Matches(NAME, { message: 'must be an entity name like officer or sms_template' })
  entity?: string;

  @ApiPropertyOptional({ description: 'The entity’s key: officer id, agency code, procedure code, year, unit code, template kind' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ example: 'deactivate' })
  @IsOptional()
  @Matches(NAME, { message: 'must be an action name like create or password_reset' })
  action?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'An instant, or a bare date: that local day in Hà Nội (from its start)' })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'An instant (excluded), or a bare date: that local day in Hà Nội, included' })
  @IsOptional()
  @IsIsoInstant()
  to?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}

class AuditActorDto {
  @ApiProperty({ nullable: true, format: 'uuid' }) id: string | null;
  @ApiProperty() username: string;
}

export class AuditRecordDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: AuditActorDto }) actor: AuditActorDto;
  @ApiProperty({ nullable: true, description: 'The client address as the API saw it (HTTP_TRUST_PROXY decides whether X-Forwarded-For counts)' }) address:
    string | null;
  @ApiProperty() entity: string;
  @ApiProperty() entityId: string;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'Secrets appear as "[redacted]"' }) before: unknown;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) after: unknown;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditRecordDto] }) items: AuditRecordDto[];
  @ApiProperty({ nullable: true }) nextCursor: string | null;
}
