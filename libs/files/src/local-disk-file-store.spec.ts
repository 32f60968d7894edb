import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalDiskFileStore } from './local-disk-file-store';

async function listAll(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('LocalDiskFileStore', () => {
  let root: string;
  let store: LocalDiskFileStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dvc-store-'));
    store = new LocalDiskFileStore(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('a source that fails at once (a refused type) leaves no part file, even before the file was opened', async () => {
    for (let i = 0; i < 40; i++) {
      const failing = new Readable({
        read() {
          this.destroy(new Error('type not allowed'));
        },
      });
      await expect(store.put(`2026/11/refused-${i}`, failing)).rejects.toThrow('type not allowed');
    }
    expect(await listAll(root)).toEqual([]);
  });

  it('stores a stream under its key, hashing and counting it, and reads it back', async () => {
    const content = 'Xin chào Hà Nội '.repeat(5000);
    const result = await store.put('2026/03/abc-123', Readable.from([Buffer.from(content)]));
    expect(result).toEqual({ size: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') });
    expect(await readFile(join(root, '2026', '03', 'abc-123'), 'utf8')).toBe(content);
    expect(await store.exists('2026/03/abc-123')).toBe(true);
    expect(await text(store.get('2026/03/abc-123'))).toBe(content);
    await store.remove('2026/03/abc-123');
    expect(await store.exists('2026/03/abc-123')).toBe(false);
    await store.remove('2026/03/abc-123');
  });

  it('leaves nothing behind when the stream fails half-way', async () => {
    async function* failing() {
      yield Buffer.alloc(100_000, 1);
      throw new Error('client went away');
    }
    await expect(store.put('2026/03/broken', Readable.from(failing()))).rejects.toThrow('client went away');
    expect(await store.exists('2026/03/broken')).toBe(false);
    expect(await listAll(root)).toEqual([]);
  });

  it.each(['../escape', '/etc/passwd', '2026/../../x', 'a/./b', 'name.pdf', '', 'a//b', 'a\\b'])('refuses the key %j', async (key) => {
    await expect(store.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/key/);
    expect(() => store.get(key)).toThrow(/key/);
    expect(await listAll(root)).toEqual([]);
  });
});
