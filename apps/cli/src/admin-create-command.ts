import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { DomainError } from '@dvc/core';
import { AuditLog, cliActor } from '@dvc/audit';
import { createAdministrator } from '@dvc/identity';

export interface PasswordSource {
  /** The whole of standard input (a pipe), or a line typed without echo at a terminal. */
  stdin: () => Promise<string>;
  file: (path: string) => Promise<string>;
}

const USAGE = 'usage: admin:create --username U --agency CODE [--full-name "…"] [--password-file F] (password on stdin otherwise, never in argv)';

/** Only the first line counts, without its line ending: `echo pw | …` and a file saved by an editor both work. */
const firstLine = (text: string) => text.split(/\r?\n/)[0];

/**
 * `admin:create`: the first administrator of an empty production database. Exit 0 with one line naming the account;
 * 1 with one line (taken username, unknown agency, weak password); 2 for a usage error.
 */
export async function adminCreateCommand(
  db: DataSource,
  args: string[],
  passwords: PasswordSource,
  passwordMinLength: number,
  log: (line: string) => void,
  fail: (line: string) => void,
): Promise<number> {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (args.some((a) => a === '--password' || a.startsWith('--password='))) {
    fail(
      'admin:create refuses --password: a password in argv is visible to every user of the machine (ps) and kept in shell history; use stdin or --password-file',
    );
    return 2;
  }
  const username = value('--username');
  const agencyCode = value('--agency');
  if (!username || !agencyCode) {
    fail(USAGE);
    return 2;
  }
  const passwordFile = value('--password-file');
  const password = firstLine(passwordFile ? await passwords.file(passwordFile) : await passwords.stdin());
  try {
    const created = await db.transaction(async (em) => {
      const account = await createAdministrator(em, { username, agencyCode, fullName: value('--full-name'), password }, passwordMinLength);
      await new AuditLog().record(em, {
        by: cliActor('admin:create'),
        entity: 'officer',
        entityId: account.id,
        action: 'create',
        after: { username: account.username, agencyCode, roles: ['admin'], active: true },
      });
      return account;
    });
    log(`administrator ${created.username} created (id ${created.id}) at ${agencyCode}; sign in at /api/v1/auth/officers/login`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fields = error.fieldErrors.map((f) => `${f.field} ${f.message}`).join('; ');
    fail(`admin:create: ${fields || error.message}`);
    return 1;
  }
}

export const processPasswordSource: PasswordSource = {
  file: (path) => readFile(path, 'utf8'),
  stdin: () => (process.stdin.isTTY ? promptHidden('Password: ') : readAll()),
};

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A terminal prompt that does not echo what is typed. */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    process.stderr.write(prompt);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (char === '\u0003') process.exit(130);
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}
