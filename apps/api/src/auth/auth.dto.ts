import { ApiProperty } from '@nestjs/swagger';
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
  @ApiProperty({ type: String, nullable: true, example: 'Công chức Bộ phận Một cửa', description: 'Chức danh, printed under the name on the forms' }) title: string | null;
  @ApiProperty({ type: [String], example: ['receiving_officer'] }) roles: string[];
  @ApiProperty({ example: '001.35.22.H26' }) agencyCode: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ example: '00079' }) unitCode: string;
  @ApiProperty({ example: '00079', description: 'Worklist scope: the commune/district, or the city department' }) scopeCode: string;
}

export class OfficerLoginResponseDto {
  @ApiProperty({ description: 'For API clients (Authorization: Bearer). The portal uses the HttpOnly session cookie set with it.' }) accessToken: string;
  @ApiProperty({ type: OfficerDto }) officer: OfficerDto;
  @ApiProperty({ description: 'Send as X-CSRF-Token with every write made with the session cookie' }) csrfToken: string;
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
