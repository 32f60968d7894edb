import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { freePort } from '../libs/testing/src/private-redis';
import type { ServerProcess } from './api-harness';
import { API_NODE_ARGS } from '../apps/cli/src/node-args';

const ROOT = join(__dirname, '..');
export const PRODUCTION_API = join(ROOT, 'dist', 'apps', 'api', 'main.js');

/** What the API bundle is built from: every source of apps/ and libs/ (tests aside) and the build configuration. */
function newestSource(): { path: string; mtimeMs: number } {
  let newest = { path: '', mtimeMs: 0 };
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'test') visit(path);
      } else if (/\.(ts|json)$/.test(entry.name) && !/\.(spec|e2e-spec)\.ts$/.test(entry.name)) {
        const { mtimeMs } = statSync(path);
        if (mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
      }
    }
  };
  visit(join(ROOT, 'apps'));
  visit(join(ROOT, 'libs'));
  for (const file of ['package-lock.json', 'nest-cli.json', 'tsconfig.json', 'tsconfig.build.json']) {
    const path = join(ROOT, file);
    if (existsSync(path) && statSync(path).mtimeMs > newest.mtimeMs) newest = { path, mtimeMs: statSync(path).mtimeMs };
  }
  return newest;
}

/**
 * The production bundle, up to date with the sources: built here (`nest build api`, as `npm run build` does) when it
 * is missing or older than a source file, unless BENCH_NO_BUILD=1, which makes a stale build an error instead.
 * Returns how the bundle was obtained, for the output.
 */
export function ensureProductionBuild(): string {
  const source = newestSource();
  const built = existsSync(PRODUCTION_API) ? statSync(PRODUCTION_API).mtimeMs : 0;
  if (built >= source.mtimeMs) return `dist/apps/api/main.js (built ${new Date(built).toISOString()}, newer than every source)`;
  const why = built === 0 ? 'dist/apps/api/main.js is missing' : `dist/apps/api/main.js is older than ${relative(ROOT, source.path)}`;
  if (process.env.BENCH_NO_BUILD === '1') throw new Error(`${why}: run \`npm run build\` (or \`npx nest build api\`) first`);
  process.stderr.write(`${why}: building it with \`nest build api\`…\n`);
  const build = spawnSync('npx', ['nest', 'build', 'api'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (build.status !== 0 || !existsSync(PRODUCTION_API)) throw new Error(`${why}, and \`nest build api\` failed (exit ${build.status}): see above`);
  return `dist/apps/api/main.js (built by this run: ${why})`;
}

/**
 * `node dist/apps/api/main.js` as production runs it: NODE_ENV=production (with secrets of this run, which
 * production requires), the bench's database and Redis prefix from `env`, on a free port. Its log lines (pino, at
 * `env.LOG_LEVEL`) go to /dev/null; it runs in the repository root (as `npm run start:api` does), so it also serves
 * dist/web when that is built. Ready when GET /health answers 200.
 */
export async function startProductionApi(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const secret = () => randomBytes(32).toString('hex');
  // BENCH_API_NODE_ARGS: extra Node flags for the experiments (e.g. --max-old-space-size=128, --heapsnapshot-signal=SIGUSR2).
  // The flags `npm start` and Docker run the API with, then the experiment's.
  const nodeArgs = [...API_NODE_ARGS, ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, PRODUCTION_API], {
    cwd: ROOT,
    env: {
      ...process.env,
      JWT_SECRET: secret(),
      OTP_SECRET: secret(),
      TOTP_SECRET_KEY: secret(),
      VNPAY_HASH_SECRET: secret(),
      // the load signs citizens in by phone, which a deployment may keep on; VNeID is configured but not reached
      CITIZEN_OTP_ENABLED: 'true',
      VNEID_CLIENT_SECRET: secret(),
      VNEID_ISSUER: 'https://sso.vneid.example',
      VNEID_REDIRECT_URI: 'https://dvc.example/api/v1/auth/citizens/vneid/callback',
      VNEID_POST_LOGOUT_REDIRECT_URI: 'https://dvc.example/',
      ...env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.on('exit', () => child.kill('SIGKILL'));
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`node dist/apps/api/main.js exited with ${exited} before answering /health`);
    if (Date.now() > deadline) throw new Error('node dist/apps/api/main.js did not answer GET /health within 60 s');
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    port,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== undefined) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
