import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@dvc/core';
import { DossierResultsService } from '@dvc/dossiers';
import { contentDisposition } from '@dvc/files';
import { CurrentPrincipal, SignedIn } from '../common/auth.decorators';
import { FileDto } from '../files/files.controller';

export class DossierResultsDto {
  @ApiProperty({
    enum: ['released', 'pending', 'held_for_fees'],
    description: 'released: the applicant may download the result; pending: no approved decision yet; held_for_fees: approved, held until the fees are paid',
  })
  release: 'released' | 'pending' | 'held_for_fees';

  @ApiProperty({ type: [FileDto], description: "The result files the caller may download (the applicant's list stays empty until released)" })
  files: FileDto[];
}

@ApiTags('dossiers')
@Controller('dossiers/:code/results')
export class DossierResultsController {
  constructor(private readonly results: DossierResultsService) {}

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: DossierResultsDto })
  @ApiNotFoundResponse({ description: 'Unknown dossier, or not visible to the caller' })
  async list(@CurrentPrincipal() principal: Principal, @Param('code') code: string): Promise<DossierResultsDto> {
    const { release, files } = await this.results.list(principal, code);
    return { release, files: files.map((f) => ({ id: f.id, name: f.name, size: f.size, mime: f.mime, sha256: f.sha256 })) };
  }

  @Get(':fileId')
  @SignedIn()
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The content of a result file: for officers who may read the dossier, and for its applicant once released' })
  @ApiConflictResponse({ description: 'The applicant asked before the result was released (not decided yet, or held until the fees are paid)' })
  @ApiNotFoundResponse({ description: 'Unknown dossier or file, not a result file of this dossier, or not visible to the caller' })
  async download(@CurrentPrincipal() principal: Principal, @Param('code') code: string, @Param('fileId') fileId: string): Promise<StreamableFile> {
    const { file, content } = await this.results.open(principal, code, fileId);
    return new StreamableFile(content, { type: file.mime, length: file.size, disposition: contentDisposition(file.name) });
  }
}
