// Starts the built system (`npm run build` first) as a child process group on its own database and ports.
import { spawn } from 'node:child_process';
import { existsSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { WEB_TEST } from './env';

export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '..');
  for (const f of ['dist/apps/cli/main.js', 'dist/apps/api/main.js', 'dist/web/index.html']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` before \`npm run test:web\``);
  }
  // Screens of this run only, so a reviewer never looks at a page from an earlier version.
  rmSync(join(root, 'test-artifacts', 'screens'), { recursive: true, force: true });
  const pg = new Client({ connectionString: WEB_TEST.adminDatabaseUrl });
  await pg.connect();
  await pg.query(`DROP DATABASE IF EXISTS ${WEB_TEST.databaseName} WITH (FORCE)`);
  await pg.end();

  const log = openSync(WEB_TEST.logFile, 'w');
  const child = spawn(process.execPath, ['dist/apps/cli/main.js', 'start'], {
    cwd: root,
    env: { ...process.env, ...WEB_TEST.env },
    detached: true,
    stdio: ['ignore', log, log],
  });
  writeFileSync(WEB_TEST.pidFile, String(child.pid));
  child.unref();

  const deadline = Date.now() + 90_000;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the system exited with ${child.exitCode}; see ${WEB_TEST.logFile}`);
    try {
      const [ready, web, sms] = await Promise.all([
        fetch(`${WEB_TEST.baseUrl}/health/ready`),
        fetch(`${WEB_TEST.baseUrl}/`),
        fetch(`${WEB_TEST.smsInbox}/messages?to=84900000000`),
      ]);
      if (ready.ok && web.ok && sms.ok && (await web.text()).includes('id="root"')) return;
      lastError = `ready ${ready.status}, web ${web.status}, sms ${sms.status}`;
    } catch (e) {
      lastError = String(e);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the system did not become ready in 90 s (${lastError}); see ${WEB_TEST.logFile}`);
}
