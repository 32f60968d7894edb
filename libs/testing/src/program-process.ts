import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

export interface ProgramProcess {
  child: ChildProcess;
  /** Everything it printed so far (the last 20,000 characters). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * A program of apps/ as a process of its own, compiled on the fly from the current sources (ts-node, transpile
 * only) under real Node, so ESM-only packages (oidc-provider, openid-client) load as they do in the bundles.
 * Resolves once `ready(output)` holds; rejects if it exits first.
 */
export function startProgram(entry: string, env: Record<string, string>, ready: (output: string) => boolean): Promise<ProgramProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, entry)], {
    cwd: root,
    env: { ...process.env, ...env, TS_NODE_FILES: '1', TS_NODE_PROJECT: join(root, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (ready(output)) resolve({ child, output: () => output, stop });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`${entry} exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
}
