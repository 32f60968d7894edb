import { Transform, TransformCallback } from 'node:stream';
import { DomainError, DomainErrorCode } from '@dvc/core';
import { SNIFF_BYTES, sniffFileType, SniffedType } from './sniff-file-type';

export interface ContentGateOptions {
  maxBytes: number;
  allowedMime: readonly string[];
}

/**
 * A pass-through that lets nothing downstream until the content's type is known: it holds back the first
 * `SNIFF_BYTES` bytes, sniffs them, and fails with 415 when the type is not allowed; it fails with 413 as soon as
 * more than `maxBytes` have gone through. `type` is set once the decision is made.
 */
export class ContentGate extends Transform {
  type: SniffedType | undefined;
  private size = 0;
  private head: Buffer[] = [];
  private headLength = 0;
  private decided = false;

  constructor(private readonly options: ContentGateOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.options.maxBytes) {
      callback(tooLarge(this.options.maxBytes));
      return;
    }
    if (this.decided) {
      callback(null, chunk);
      return;
    }
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_BYTES) {
      callback();
      return;
    }
    this.release(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.decided) callback();
    else this.release(callback);
  }

  private release(callback: TransformCallback): void {
    const held = Buffer.concat(this.head, this.headLength);
    this.head = [];
    this.decide(held).then(
      () => callback(null, held),
      (error: unknown) => callback(error as Error),
    );
  }

  private async decide(head: Buffer): Promise<void> {
    const type = await sniffFileType(head);
    if (!type || !this.options.allowedMime.includes(type.mime)) {
      const allowed = this.options.allowedMime.join(', ');
      throw new DomainError(
        DomainErrorCode.UnsupportedMediaType,
        `This kind of file is not accepted (${type ? `the content is ${type.mime}` : 'the content type is not recognised'}); allowed: ${allowed}.`,
      );
    }
    this.type = type;
    this.decided = true;
  }
}

export function tooLarge(maxBytes: number): DomainError {
  return new DomainError(DomainErrorCode.PayloadTooLarge, `The file is larger than the limit of ${maxBytes} bytes.`);
}
