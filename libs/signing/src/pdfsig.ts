import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs poppler's `pdfsig` (the independent verifier) on a PDF and returns what it printed, whatever its exit code.
 * Times it prints are UTC (TZ=UTC), whatever the machine's zone.
 */
export function pdfsig(pdf: Buffer, pdfsigPath = '/usr/bin/pdfsig'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pdfsig-'));
  const file = join(dir, 'signed.pdf');
  writeFileSync(file, pdf);
  return new Promise((resolve, reject) => {
    execFile(pdfsigPath, [file], { timeout: 20_000, env: { ...process.env, TZ: 'UTC' } }, (error, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      if (error && !stdout && (error as NodeJS.ErrnoException).code === 'ENOENT') reject(error);
      else resolve(`${stdout}${stderr}`);
    });
  });
}
