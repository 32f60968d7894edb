import { BadRequestException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode } from '@dvc/core';

export const MALFORMED_MULTIPART = 'The multipart body is malformed or ended early.';

export type FilePart = NonNullable<Awaited<ReturnType<FastifyRequest['file']>>>;

/**
 * The one file of a multipart request, in a part named `file`: 415 when the body is not multipart, 422 when the part is
 * missing, 400 when the body is malformed or ends early (a client error the parser raises keeps its own 4xx).
 */
export async function multipartFile(request: FastifyRequest, what = 'the file', limits?: { fileSize: number }): Promise<FilePart> {
  if (!request.isMultipart()) {
    throw new DomainError(DomainErrorCode.UnsupportedMediaType, `Send ${what} as multipart/form-data, in a part named "file".`);
  }
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file(limits ? { limits } : undefined);
  } catch (error) {
    throw hasClientStatus(error) ? error : new BadRequestException(MALFORMED_MULTIPART);
  }
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw DomainError.validation([{ field: 'file', message: 'is required: send the file in a multipart part named "file"' }]);
  }
  return part;
}

export function hasClientStatus(error: unknown): boolean {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}
