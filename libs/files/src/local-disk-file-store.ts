import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStore } from './file-store';

/** Keys are slash-separated segments of letters, digits, `-` and `_` (no dots: no `..`, no temp-name clashes). */
const KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/**
 * Files on a local disk under one root directory. A write goes to a temporary name in the target folder and is
 * renamed into place when complete, so readers never see half a file and a failed write leaves nothing behind.
 */
export class LocalDiskFileStore implements FileStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, source: Readable): Promise<{ size: number; sha256: string }> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.part`;
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    const out = createWriteStream(temp, { flags: 'wx', mode: 0o640 });
    try {
      await pipeline(source, measure, out);
      await rename(temp, target);
    } catch (error) {
      // A source that fails at once (a refused type) fails the pipeline before the file is even opened: wait until
      // the stream has opened and closed it, or the removal runs first and the opened file stays behind.
      if (!out.closed) await new Promise<void>((done) => out.once('close', () => done()));
      await rm(temp, { force: true });
      throw error;
    }
    return { size, sha256: hash.digest('hex') };
  }

  get(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Invalid file store key: ${JSON.stringify(key)}`);
    const path = resolve(this.root, key);
    const rel = relative(this.root, path);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) throw new Error(`File store key escapes the root: ${key}`);
    return path;
  }
}
