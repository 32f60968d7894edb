import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoInstant } from '../common/date-validators';
import { IsListCursor } from './list-cursor.validator';

export class ApplicantDto {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: '001090012345', description: '12-digit citizen ID (CCCD)' })
  @IsString()
  @MaxLength(20)
  idNumber: string;

  @ApiProperty({ example: '0912345678' })
  @IsString()
  @MaxLength(32)
  phone: string;

  @ApiPropertyOptional({ example: 'an.nguyen@example.vn' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(200)
  email?: string;

  @ApiProperty({ example: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  address: string;

  @ApiPropertyOptional({ example: '1990-05-17', description: 'Checked against the CCCD birth-year digits' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  birthDate?: string;
}

export class ComponentFilesDto {
  @ApiProperty({ example: 'TK' })
  @IsString()
  @MaxLength(40)
  code: string;

  @ApiProperty({ type: [String], description: 'Ids returned by POST /api/v1/files' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'each must be a file id' })
  fileIds: string[];
}

export class SubmissionDto {
  @ApiProperty({ example: '1.001193' })
  @IsString()
  @MaxLength(20)
  procedureCode: string;

  @ApiProperty({ example: '001.35.22.H26', description: 'The receiving desk (agency identifier)' })
  @IsString()
  @MaxLength(20)
  agencyCode: string;

  @ApiProperty({ type: ApplicantDto })
  @IsDefined({ message: 'is required' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant: ApplicantDto;

  @ApiProperty({ description: "The e-form, checked against the procedure's JSON Schema", type: 'object', additionalProperties: true })
  @IsObject()
  form: Record<string, unknown>;

  @ApiProperty({ type: [ComponentFilesDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each must be an object with code and fileIds' })
  @ValidateNested({ each: true })
  @Type(() => ComponentFilesDto)
  components: ComponentFilesDto[];

  @ApiPropertyOptional({ enum: ['desk', 'post', 'online'] })
  @IsOptional()
  @IsIn(['desk', 'post', 'online'], { message: 'must be desk, post or online' })
  resultDelivery?: 'desk' | 'post' | 'online';
}

/** A dossier registered at the desk: handed in, or arrived by the public postal service. */
export class DeskSubmissionDto extends SubmissionDto {
  @ApiPropertyOptional({
    enum: ['direct', 'post'],
    default: 'direct',
    description: 'direct: handed in at the desk; post: arrived by the public postal service',
  })
  @IsOptional()
  @IsIn(['direct', 'post'], { message: 'must be direct or post' })
  channel?: 'direct' | 'post';

  @ApiPropertyOptional({ example: 'EE123456785VN', description: 'With channel post (required): the item number, UPU S10 with its check digit' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalItemNumber?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'With channel post (required): the day the item reached the post desk, not after today' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  postReceivedOn?: string;
}

export class DossierListQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated statuses', example: 'received,processing' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  status?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['nearly_due', 'overdue'], description: 'Flag set by the deadline sweeper' })
  @IsOptional()
  @IsIn(['nearly_due', 'overdue'], { message: 'must be nearly_due or overdue' })
  flag?: 'nearly_due' | 'overdue';

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+07:00' })
  @IsOptional()
  @IsIsoInstant()
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'Code prefix or applicant name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page, as returned' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @IsListCursor()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsIn(Array.from({ length: 100 }, (_, i) => i + 1), { message: 'must be a whole number from 1 to 100' })
  limit?: number;
}
