import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { OFFICER_ROLES, type OfficerRole } from '@dvc/core';

const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.H\d{2}$/;
/** May be left out, but null is no value (a 422 like any other wrong type). */
const OmittableNotNull = () => ValidateIf((_, value) => value !== undefined);

const ROLE_MESSAGE = `each must be one of ${OFFICER_ROLES.join(', ')}`;

export class OfficerCreateDto {
  @ApiProperty({ example: 'tn2.trangtien', description: '3–64 of a-z, 0-9, dot, dash, underscore (stored lower-case)' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, { message: 'must be 3–64 of a-z, 0-9, dot, dash, underscore, starting with a letter or digit' })
  username: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'must not be blank' })
  fullName: string;

  @ApiPropertyOptional({ example: 'Công chức Bộ phận Một cửa', description: 'Printed under the name on forms' })
  @OmittableNotNull()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiProperty({ example: '001.35.22.H26' })
  @IsString()
  @Matches(AGENCY_CODE, { message: 'must be an agency identifier like 001.35.22.H26' })
  agencyCode: string;

  @ApiProperty({ enum: OFFICER_ROLES, isArray: true, example: ['receiving_officer'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(OFFICER_ROLES, { each: true, message: ROLE_MESSAGE })
  roles: OfficerRole[];

  @ApiPropertyOptional({ description: 'Left out: a temporary one is made and answered once. Either way it must be changed at the first sign-in.' })
  @OmittableNotNull()
  @IsString()
  @MaxLength(1024)
  password?: string;
}

export class OfficerUpdateDto {
  @ApiPropertyOptional({ example: 'Nguyễn Văn An' })
  @OmittableNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'must not be blank' })
  fullName?: string;

  @ApiPropertyOptional({ example: 'Công chức Bộ phận Một cửa', description: 'Printed under the name on forms' })
  @OmittableNotNull()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: '002.35.22.H26', description: 'Moves the officer to another agency' })
  @OmittableNotNull()
  @IsString()
  @Matches(AGENCY_CODE, { message: 'must be an agency identifier like 001.35.22.H26' })
  agencyCode?: string;

  @ApiPropertyOptional({ enum: OFFICER_ROLES, isArray: true })
  @OmittableNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(OFFICER_ROLES, { each: true, message: ROLE_MESSAGE })
  roles?: OfficerRole[];

  @ApiPropertyOptional({ description: "false deactivates (the officer's tokens stop working at once), true reactivates" })
  @OmittableNotNull()
  @IsBoolean()
  active?: boolean;
}

export class PasswordResetDto {
  @ApiPropertyOptional({ description: 'Also drop the TOTP secret and recovery codes (a lost phone)' })
  @OmittableNotNull()
  @IsBoolean()
  resetSecondFactor?: boolean;
}

export class OfficerListQueryDto {
  @ApiPropertyOptional({ example: '001.35.22.H26' })
  @IsOptional()
  @Matches(AGENCY_CODE, { message: 'must be an agency identifier like 001.35.22.H26' })
  agencyCode?: string;

  @ApiPropertyOptional({ description: 'Part of the username or the name' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  active?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(100000)
  offset?: number;
}

export class OfficerAccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ enum: OFFICER_ROLES, isArray: true }) roles: string[];
  @ApiProperty() agencyCode: string;
  @ApiProperty() agencyName: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() active: boolean;
  @ApiProperty() passwordChangeRequired: boolean;
  @ApiProperty({ description: 'A TOTP second factor is in force' }) secondFactor: boolean;
  @ApiProperty({ nullable: true, type: String }) lockedUntil: string | null;
  @ApiProperty() createdAt: string;
}

export class OfficerCreatedDto extends OfficerAccountDto {
  @ApiPropertyOptional({ description: 'Only when no password was given: shown once, to hand to the officer' }) temporaryPassword?: string;
}

export class PasswordResetDoneDto {
  @ApiProperty({ description: 'Shown once, to hand to the officer; it must be changed at the next sign-in' }) temporaryPassword: string;
  @ApiProperty({ enum: [true] }) passwordChangeRequired: true;
}
