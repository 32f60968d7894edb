import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ProgramSpec {
  name: string;
  /** Bundle path relative to dist/apps. */
  entry: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
}

/**
 * Runs the programs side by side with their output prefixed, stops all of them on Ctrl-C / SIGTERM, and stops
 * the rest (exiting non-zero) when one of them dies.
 */
export function supervise(programs: ProgramSpec[], distAppsDir: string, log: (line: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const children = new Map<string, ChildProcess>();
    let stopping = false;
    const stopAll = (code: number) => {
      if (stopping) return;
      stopping = true;
      for (const child of children.values()) child.kill('SIGTERM');
      const timer = setTimeout(() => {
        for (const child of children.values()) child.kill('SIGKILL');
      }, 10_000);
      timer.unref();
      const waitAll = setInterval(() => {
        if ([...children.values()].every((c) => c.exitCode !== null || c.signalCode !== null)) {
          clearInterval(waitAll);
          resolve(code);
        }
      }, 100);
    };
    const readByPerson = Boolean(process.stdout.isTTY) && (process.env.LOG_FORMAT ?? 'auto') === 'auto' && process.env.NODE_ENV !== 'production';
    for (const program of programs) {
      const child = spawn(process.execPath, ['--enable-source-maps', ...(program.nodeArgs ?? []), join(distAppsDir, program.entry)], {
        // The children write to our pipe, not the terminal: they are told that a person reads their lines.
        env: { ...process.env, ...(readByPerson ? { LOG_FORMAT: 'pretty' } : {}), ...program.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const prefix = (chunk: Buffer) =>
        chunk
          .toString()
          .split('\n')
          .filter(Boolean)
          .map((l) => `[${program.name}] ${l}\n`)
          .join('');
      child.stdout?.on('data', (c: Buffer) => process.stdout.write(prefix(c)));
      child.stderr?.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
      child.on('exit', (code, signal) => {
        if (!stopping) {
          log(`${program.name} exited (${signal ?? code}); stopping the others`);
          stopAll(code || 1);
        }
      });
      children.set(program.name, child);
    }
    process.on('SIGINT', () => stopAll(0));
    process.on('SIGTERM', () => stopAll(0));
  });
}
