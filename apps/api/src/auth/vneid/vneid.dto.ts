import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class VneidTicketDto {
  @ApiProperty({ description: 'The `vneid` value of the fragment the callback redirected to; good once, for one minute' })
  @IsString()
  @Matches(/^[\w-]{20,100}$/, { message: 'must be the ticket of the sign-in' })
  ticket: string;
}

export class VneidCitizenDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, example: '001090012345', description: 'CCCD; null for an organisation account' }) idNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: "An organisation account's tax code" }) taxCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Nguyễn Văn An' }) fullName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '1990-05-17' }) birthDate: string | null;
  @ApiProperty({ example: '84912345678' }) phone: string;
  @ApiProperty({ enum: [0, 1, 2], description: '0 phone OTP, 1–2 the VNeID level (2 = verified against the population database)' }) assurance: number;
}

export class VneidSessionDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: VneidCitizenDto }) citizen: VneidCitizenDto;
}

export class SignOutDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Where the browser goes to end the VNeID session too (RP-initiated logout); null for a phone sign-in',
  })
  endSessionUrl: string | null;
}

export class SignInMethodsDto {
  @ApiProperty({ description: 'GET /api/v1/auth/citizens/vneid/start' }) vneid: boolean;
  @ApiProperty({ description: 'POST /api/v1/auth/citizens/otp and /verify (CITIZEN_OTP_ENABLED; off by default in production)' }) otp: boolean;
}
