import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class OfficerLoginDto {
  @ApiProperty({ example: 'tn.trangtien' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'Demo@2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class OtpRequestDto {
  @ApiProperty({ example: '0912345678', description: 'Vietnamese mobile number; normalised to 84…' })
  @IsString()
  @MaxLength(32)
  phone: string;
}

export class OtpVerifyDto extends OtpRequestDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code from the SMS' })
  code: string;
}

export class OfficerDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, nullable: true, example: 'Công chức Bộ phận Một cửa', description: 'Chức danh, printed under the name on the forms' }) title:
    string | null;
  @ApiProperty({ type: [String], example: ['receiving_officer'] }) roles: string[];
  @ApiProperty({ example: '001.35.22.H26' }) agencyCode: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ example: '00079' }) unitCode: string;
  @ApiProperty({ example: '00079', description: 'Worklist scope: the commune/district, or the city department' }) scopeCode: string;
}

/**
 * Signed in (`accessToken`, `officer`), or one step still to do, with its short-lived token: change a password an
 * administrator set (`passwordChangeRequired`, `changeToken` → POST /auth/officers/password), give the second
 * factor (`mfaRequired`, `mfaToken` → POST /auth/officers/login/totp), or enrol one first (`mfaEnrolmentRequired`,
 * `enrolmentToken` as the bearer of POST /auth/officers/totp/enroll and /totp/verify).
 */
export class OfficerLoginResponseDto {
  @ApiPropertyOptional({ description: 'For API clients (Authorization: Bearer). The portal uses the HttpOnly session cookie set with it.' })
  accessToken?: string;
  @ApiPropertyOptional({ type: OfficerDto }) officer?: OfficerDto;
  @ApiPropertyOptional({ description: 'With accessToken: send as X-CSRF-Token with every write made with the session cookie' }) csrfToken?: string;
  @ApiPropertyOptional({ enum: [true] }) passwordChangeRequired?: true;
  @ApiPropertyOptional({ description: 'Lives 15 minutes; good for POST /api/v1/auth/officers/password only' }) changeToken?: string;
  @ApiPropertyOptional({ enum: [true] }) mfaRequired?: true;
  @ApiPropertyOptional({ description: 'Lives 5 minutes; good for POST /api/v1/auth/officers/login/totp only' }) mfaToken?: string;
  @ApiPropertyOptional({ enum: [true] }) mfaEnrolmentRequired?: true;
  @ApiPropertyOptional({ description: 'Lives 15 minutes; the bearer for /auth/officers/totp/enroll and /verify only' }) enrolmentToken?: string;
}

export class OtpRequestedDto {
  @ApiProperty({ example: '84912345678' }) phone: string;
  @ApiProperty() expiresAt: string;
}

export class CitizenDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '84912345678' }) phone: string;
}

export class CitizenLoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: CitizenDto }) citizen: CitizenDto;
}
