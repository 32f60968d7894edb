import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class RejectedRowDto {
  @ApiProperty({ example: 2, description: "The record's position in the file, from 1" }) line: number;
  @ApiProperty({ example: '2.001610', nullable: true, type: String }) code: string | null;
  @ApiProperty({ example: 'executionMethods[0].fees[0] (ONLINE) reads 100 VND, implausibly small …' }) reason: string;
}

export class ImportReportDto {
  @ApiProperty({ example: 430, description: 'Procedures not in the catalogue before' }) created: number;
  @ApiProperty({ example: 3, description: 'Procedures already in the catalogue (a changed content makes a new version)' }) updated: number;
  @ApiProperty({ example: 0, description: 'Of the updated, those whose content was already the same (version kept)' }) unchanged: number;
  @ApiProperty({ type: [RejectedRowDto] }) rejected: RejectedRowDto[];
}

export class RequiredAssuranceDto {
  @ApiProperty({
    enum: [0, 1, 2],
    nullable: true,
    type: Number,
    description: 'The VNeID assurance level online submissions need (0 = any sign-in); null = the default for the online level',
  })
  @IsIn([0, 1, 2, null], { message: 'must be 0, 1, 2 or null' })
  level: 0 | 1 | 2 | null;
}
