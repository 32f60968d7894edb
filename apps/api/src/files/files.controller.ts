import { BadRequestException, Controller, Get, Header, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DomainError, type Principal } from '@dvc/core';
import { DossierFileAccessService } from '@dvc/dossiers';
import { contentDisposition, FileEntity, FilesService, UploadStreamError } from '@dvc/files';
import { CurrentPrincipal, SignedIn } from '../common/auth.decorators';
import { MALFORMED_MULTIPART, multipartFile } from '../common/multipart-file';

export class FileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Giấy khai sinh.pdf', description: 'The name sent by the client, sanitised' }) name: string;
  @ApiProperty({ example: 48213, description: 'Bytes' }) size: number;
  @ApiProperty({ example: 'application/pdf', description: 'Sniffed from the content' }) mime: string;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) sha256: string;
}

const toDto = (f: FileEntity): FileDto => ({ id: f.id, name: f.name, size: f.size, mime: f.mime, sha256: f.sha256 });

@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(
    private readonly files: FilesService,
    private readonly dossierFiles: DossierFileAccessService,
  ) {}

  @Post()
  @SignedIn()
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: FileDto, description: 'Stored; 413 over the size limit, 415 a type that is not allowed (sniffed from the content)' })
  async upload(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<FileDto> {
    const part = await multipartFile(request);
    try {
      const file = await this.files.upload({ owner: { kind: principal.kind, id: principal.id }, name: part.filename, content: part.file });
      return toDto(file);
    } catch (error) {
      if (error instanceof UploadStreamError) throw new BadRequestException(MALFORMED_MULTIPART);
      throw error;
    }
  }

  @Get(':id')
  @SignedIn()
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description:
      'The content, for its owner and for officers who may read a dossier that references the file (component or result; each opening is recorded). Anyone else: 404, as for a file that does not exist',
  })
  async download(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const opened =
      (await this.files.openOwned(id, { kind: principal.kind, id: principal.id })) ??
      (principal.kind === 'officer' ? await this.dossierFiles.openForOfficer(principal, id) : null);
    if (!opened) throw DomainError.notFound('The file');
    const { file, content } = opened;
    return new StreamableFile(content, { type: file.mime, length: file.size, disposition: contentDisposition(file.name) });
  }
}
