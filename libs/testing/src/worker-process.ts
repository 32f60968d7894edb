import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { testEnv } from './test-env';

const root = join(__dirname, '..', '..', '..');

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves once the worker logged that it is ready. */
  ready: Promise<void>;
  /** SIGKILL: no shutdown hook runs, as when the machine or the container dies. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful stop. */
  stop(): Promise<void>;
}

/**
 * The worker (apps/worker/src/main.ts) as a process of its own on the test database, compiled on the fly from
 * the current sources (ts-node, transpile only), so a drill can kill it like a real one.
 */
export function startWorkerProcess(overrides: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'apps/worker/src/main.ts')], {
    cwd: root,
    env: { ...process.env, ...testEnv(), LOG_LEVEL: 'info', ...overrides, TS_NODE_FILES: '1', TS_NODE_PROJECT: join(root, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (output.includes('Worker ready')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.once('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
  ready.catch(() => undefined);
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { child, ready, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
