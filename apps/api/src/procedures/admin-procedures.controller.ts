import { BadRequestException, Body, Controller, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '@dvc/audit';
import { CatalogService, ProcedureImportService } from '@dvc/catalog';
import { DomainError, DomainErrorCode } from '@dvc/core';
import { OfficerOnly } from '../common/auth.decorators';
import { AuditedBy } from '../common/audited-by';
import { hasClientStatus, MALFORMED_MULTIPART, multipartFile } from '../common/multipart-file';
import { ImportReportDto, RequiredAssuranceDto } from './admin-procedures.dto';
import { ProcedureDetailDto } from './procedures.dto';

/** The 502 crawled records are 15 MB as one file; twice the national catalogue's 5,670 would still fit. */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;

@ApiTags('admin')
@Controller('admin/procedures')
export class AdminProceduresController {
  constructor(
    private readonly imports: ProcedureImportService,
    private readonly catalog: CatalogService,
  ) {}

  /** Whether online submissions need a VNeID sign-in of level 1 or 2 (level 2: verified against the population database). */
  @Put(':code/assurance')
  @OfficerOnly('admin')
  @ApiOkResponse({ type: ProcedureDetailDto, description: 'The procedure with its `requiredAssurance` in force' })
  setAssurance(@Param('code') code: string, @Body() body: RequiredAssuranceDto, @AuditedBy() by: AuditActor) {
    return this.catalog.setRequiredAssurance(code, body.level, by);
  }

  @Post('import')
  @OfficerOnly('admin')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'A JSON file of national-portal procedure records: one record `{code, data, message}`, an array of them, or `{records: [...]}`',
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({
    type: ImportReportDto,
    description:
      'The accepted records are written in one transaction (re-importing updates, a changed content is a new version); rejected rows carry their line and reason. A file that is not JSON or holds no records: 400/422 and nothing written; over 32 MiB: 413.',
  })
  async import(@Req() request: FastifyRequest, @AuditedBy() by: AuditActor): Promise<ImportReportDto> {
    let bytes: Buffer;
    try {
      bytes = await (await multipartFile(request, 'the JSON file', { fileSize: IMPORT_MAX_BYTES })).toBuffer();
    } catch (error) {
      if ((error as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new DomainError(DomainErrorCode.PayloadTooLarge, `The file is larger than the import limit of ${IMPORT_MAX_BYTES} bytes.`);
      }
      throw error instanceof DomainError || hasClientStatus(error) ? error : new BadRequestException(MALFORMED_MULTIPART);
    }
    return this.imports.importFile(bytes, by);
  }
}
