import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type request from 'supertest';

export const SAMPLE_DIR = join(__dirname, '..', '..', 'libs', 'core', 'src', 'catalog', 'national', 'sample-records');

/** A record shipped under the repo (a copy of the data folder's record of that code, see its README). */
export const sampleRecord = (code: string): any => JSON.parse(readFileSync(join(SAMPLE_DIR, `${code}.json`), 'utf8'));

export function importFile(http: ReturnType<typeof request>, token: string, content: Buffer | string, filename = 'procedures.json') {
  return http
    .post('/api/v1/admin/procedures/import')
    .set({ Authorization: `Bearer ${token}` })
    .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), { filename, contentType: 'application/json' });
}
