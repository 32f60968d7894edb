// Stops the process group started by global-setup and drops its database.
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { Client } from 'pg';
import { WEB_TEST } from './env';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export default async function globalTeardown(): Promise<void> {
  if (existsSync(WEB_TEST.pidFile)) {
    const pid = Number(readFileSync(WEB_TEST.pidFile, 'utf8'));
    unlinkSync(WEB_TEST.pidFile);
    if (pid > 0 && alive(pid)) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 200));
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* stopped */
      }
    }
  }
  await new Promise((r) => setTimeout(r, 500));
  const pg = new Client({ connectionString: WEB_TEST.adminDatabaseUrl });
  await pg.connect();
  await pg.query(`DROP DATABASE IF EXISTS ${WEB_TEST.databaseName} WITH (FORCE)`);
  await pg.end();
}
