import { BadRequestException, Controller, Get, Header, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode } from '@dvc/core';
import { FilesConfig } from '@dvc/config';
import { SignedDocumentsService } from '@dvc/signing';
import { Public } from '../common/auth.decorators';
import { hasClientStatus, MALFORMED_MULTIPART, multipartFile } from '../common/multipart-file';

/**
 * The public page a signed document links to (QR code and printed link): its hash, signing agency and time and the
 * dossier code, never anything about the applicant. Rate-limited like tracking.
 */
@ApiTags('verification')
@Controller('verify')
@Public()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ auth: true })
export class VerificationController {
  constructor(
    private readonly signed: SignedDocumentsService,
    private readonly files: FilesConfig,
  ) {}

  @Get(':id')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: '{id, kind, dossierCode, sha256, signedBy, agencyCode, signedAt, valid}; 404 for an unknown id' })
  describe(@Param('id') id: string) {
    return this.signed.describe(id);
  }

  /** Whether an uploaded file is byte for byte the document that was issued (hashed as it streams, never stored). */
  @Post(':id')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ description: "{matches, sha256}: the uploaded file's SHA-256 and whether it is the issued document" })
  async compare(@Param('id') id: string, @Req() request: FastifyRequest) {
    await this.signed.describe(id);
    const part = await multipartFile(request);
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of part.file) {
        size += (chunk as Buffer).length;
        hash.update(chunk as Buffer);
      }
    } catch (error) {
      throw hasClientStatus(error) ? error : new BadRequestException(MALFORMED_MULTIPART);
    }
    if (part.file.truncated || size > this.files.maxBytes) {
      throw new DomainError(DomainErrorCode.PayloadTooLarge, `The file is larger than ${this.files.maxBytes} bytes.`);
    }
    return this.signed.matchesHash(id, hash.digest('hex'));
  }
}
