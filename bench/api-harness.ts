import { appendFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { APPLICANT, birthRegistrationForm, DESKS, TINY_PDF } from '../libs/testing/src/dossier-fixtures';
import { lastOtpFor } from '../libs/testing/src/sessions';

export interface ServerProcess {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Starts a server script of bench/servers in its own Node process and waits for "listening <port>". */
export async function startServer(script: string, env: Record<string, string>): Promise<ServerProcess> {
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // BENCH_SERVER_NODE_ARGS: Node flags for every server of the run, for experiments (e.g. --trace-gc, with
  // BENCH_SERVER_LOG=<file> to keep what the servers print).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, ...nodeArgs, '-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(__dirname, 'servers', script)],
    {
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', TS_NODE_FILES: '1', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  process.on('exit', () => child.kill('SIGKILL'));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      if (process.env.BENCH_SERVER_LOG) appendFileSync(process.env.BENCH_SERVER_LOG, chunk);
      if (out.length > 10_000) return;
      out += chunk.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    port,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

const base = (port: number) => `http://127.0.0.1:${port}/api/v1`;

/** A citizen signed in through the real OTP flow (the code read from the outbox, as the tests do). */
export async function citizenSession(port: number, db: DataSource, phone: string): Promise<{ token: string; phone: string }> {
  const sent = await fetch(`${base(port)}/auth/citizens/otp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone }),
  });
  if (sent.status !== 202) throw new Error(`OTP request: ${sent.status} ${await sent.text()}`);
  const normalised = ((await sent.json()) as { phone: string }).phone;
  const verified = await fetch(`${base(port)}/auth/citizens/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, code: await lastOtpFor(db, normalised) }),
  });
  if (verified.status !== 200) throw new Error(`OTP verify: ${verified.status} ${await verified.text()}`);
  return { token: ((await verified.json()) as { accessToken: string }).accessToken, phone: normalised };
}

/** The body of a birth registration at the Tràng Tiền desk, with the citizen's own uploaded files. */
export async function submissionBody(port: number, token: string, phone: string): Promise<Record<string, unknown>> {
  const components = [];
  for (const code of ['TK', 'GCS', 'GTTT']) {
    const form = new FormData();
    form.append('file', new Blob([TINY_PDF], { type: 'application/pdf' }), `${code}.pdf`);
    const res = await fetch(`${base(port)}/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
    components.push({ code, fileIds: [((await res.json()) as { id: string }).id] });
  }
  const local = `0${phone.slice(2)}`;
  return { procedureCode: '1.001193', agencyCode: DESKS.trangTien, applicant: { ...APPLICANT, phone: local }, form: birthRegistrationForm(local), components };
}
