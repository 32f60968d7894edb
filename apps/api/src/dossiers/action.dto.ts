import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { DossierAction } from '@dvc/core';
import { ComponentFilesDto } from './submission.dto';
import { IsIsoInstant } from '../common/date-validators';

/** Far above any fee; amounts are stored in 32-bit integer columns, so larger numbers failed in the database. */
export const MAX_REQUESTED_VND = 1_000_000_000;

export class VersionedDto {
  @ApiProperty({ description: 'The version you last saw; a stale one gets 409', example: 1 })
  @IsInt({ message: 'must be the whole-number version you last saw' })
  @Min(1)
  version: number;
}

class NoteDto extends VersionedDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

class ReasonDto extends VersionedDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

class OptionalReasonDto extends VersionedDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class RequestSupplementDto extends ReasonDto {
  @ApiProperty({ type: [String], description: 'Codes of the missing components', example: ['GCS'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  components: string[];

  @ApiPropertyOptional({
    description:
      'Required when supplementation was already requested: why the first request did not list everything (recorded as a breach of the once rule; the dossier counts late)',
  })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  repeatReason?: string;
}

export class SupplementDto extends VersionedDto {
  @ApiPropertyOptional({ type: [ComponentFilesDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each must be an object with code and fileIds' })
  @ValidateNested({ each: true })
  @Type(() => ComponentFilesDto)
  components?: ComponentFilesDto[];

  @ApiPropertyOptional({ description: 'Form fields to correct', type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  form?: Record<string, unknown>;
}

export class AssignDto extends NoteDto {
  @ApiProperty() @IsUUID('all', { message: 'must be an officer id' }) officerId: string;
}

export class TransferDto extends NoteDto {
  @ApiProperty({ example: '000.04.22.H26' }) @IsString() @MaxLength(20) toAgencyCode: string;
}

export class ProposeDto extends VersionedDto {
  @ApiProperty({ enum: ['grant', 'deny'] }) @IsIn(['grant', 'deny'], { message: 'must be grant or deny' }) outcome: 'grant' | 'deny';
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(2000) note: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'each must be a file id' })
  resultFileIds?: string[];
}

export class RequestPaymentDto extends NoteDto {
  @ApiPropertyOptional({ description: "VND; defaults to the procedure's fee", maximum: MAX_REQUESTED_VND })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_REQUESTED_VND, { message: `must be at most ${MAX_REQUESTED_VND} VND` })
  amount?: number;
}

export class ExtendDto extends ReasonDto {
  @ApiProperty({ example: '2026-12-05T17:00:00+07:00' }) @IsIsoInstant() newDueAt: string;
}

export class ReturnResultDto extends NoteDto {
  @ApiProperty({ enum: ['desk', 'post', 'online'] }) @IsIn(['desk', 'post', 'online'], { message: 'must be desk, post or online' }) method:
    'desk' | 'post' | 'online';

  @ApiPropertyOptional({
    example: 'EE123456785VN',
    description: 'With method post: the item number (UPU S10, check digit verified); refused with other methods',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalItemNumber?: string;
}

export class RateDto extends OptionalReasonDto {
  @ApiProperty({ enum: ['very_satisfied', 'satisfied', 'unsatisfied'] })
  @IsIn(['very_satisfied', 'satisfied', 'unsatisfied'], { message: 'must be very_satisfied, satisfied or unsatisfied' })
  rating: 'very_satisfied' | 'satisfied' | 'unsatisfied';
}

/** The body each action takes (api.md's action table). */
export const ACTION_BODIES: Record<DossierAction, new () => VersionedDto> = {
  accept: NoteDto,
  request_supplement: RequestSupplementDto,
  supplement: SupplementDto,
  refuse: ReasonDto,
  assign: AssignDto,
  transfer: TransferDto,
  propose: ProposeDto,
  approve: NoteDto,
  send_back: ReasonDto,
  request_payment: RequestPaymentDto,
  confirm_payment: NoteDto,
  extend: ExtendDto,
  return_result: ReturnResultDto,
  withdraw: OptionalReasonDto,
  stop: ReasonDto,
  rate: RateDto,
};
