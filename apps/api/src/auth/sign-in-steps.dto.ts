import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { OfficerDto } from './auth.dto';

export class SecondFactorLoginDto {
  @ApiProperty({ description: 'From the login answer' })
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  mfaToken: string;

  @ApiProperty({ example: '123456', description: "The authenticator app's 6 digits, or one unused recovery code (xxxxx-xxxxx)" })
  @IsString()
  @Matches(/^(\d{6}|[a-zA-Z2-7]{5}-?[a-zA-Z2-7]{5})$/, { message: 'must be the 6-digit code of the authenticator app or a recovery code' })
  code: string;
}

export class PasswordChangeDto {
  @ApiProperty({ description: 'From the login answer (passwordChangeRequired)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  changeToken: string;

  @ApiProperty({
    example: 'Hồ Gươm mùa thu lá vàng',
    description: 'At least PASSWORD_MIN_LENGTH (12) characters; not a common password, nor the username or name',
  })
  @IsString()
  @MaxLength(1024)
  newPassword: string;
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code of the authenticator app' })
  code: string;
}

export class TotpEnrolmentDto {
  @ApiProperty({ example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', description: 'Base32 secret, for apps that cannot scan' }) secret: string;
  @ApiProperty({ example: 'otpauth://totp/DVC%20H%C3%A0%20N%E1%BB%99i%3Aadmin?secret=…&issuer=DVC%20H%C3%A0%20N%E1%BB%99i&algorithm=SHA1&digits=6&period=30' })
  otpauthUri: string;
  @ApiProperty({ description: 'The otpauth URI as a QR code: data:image/png;base64,…' }) qrCode: string;
}

export class TotpConfirmedDto {
  @ApiProperty({ type: [String], description: 'Shown once: ten single-use codes for when the phone is not at hand' }) recoveryCodes: string[];
  @ApiPropertyOptional({ description: 'When enrolling during sign-in (enrolment token): the access token' }) accessToken?: string;
  @ApiPropertyOptional({ type: OfficerDto }) officer?: OfficerDto;
  @ApiPropertyOptional({ description: 'With accessToken: send as X-CSRF-Token with every write made with the session cookie' }) csrfToken?: string;
}
