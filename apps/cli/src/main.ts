import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, loadAllConfig } from '@dvc/config';
import { ServiceDownError } from '@dvc/database';
import { preflight, prepareDatabase } from './prepare-database';
import { seedAll } from './seed';
import { API_NODE_ARGS } from './node-args';
import { supervise } from './supervise';
import { reorganizeCommand } from './reorganize-command';
import { reportFactsCommand } from './report-facts-command';
import { catalogImportCommand } from './catalog-import-command';
import { adminCreateCommand, processPasswordSource } from './admin-create-command';

const log = (line: string) => process.stdout.write(`[dvc] ${line}\n`);

/** The bundled gateway simulator listens where VNPAY_PAY_URL points, when that is a local address. */
function gatewayPort(config: ReturnType<typeof loadAllConfig>): number {
  return portPart(config.payments.vnpayPayUrl);
}

function portPart(url: string): number {
  const u = new URL(url);
  return Number(u.port || (u.protocol === 'https:' ? 443 : 80));
}

const isLocal = (url: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

/** The bundled VNeID simulator listens where VNEID_ISSUER points and knows this API as its one client. */
function vneidSimulatorEnv(config: ReturnType<typeof loadAllConfig>): Record<string, string> {
  return {
    VNEID_SIMULATOR_PORT: String(portPart(config.vneid.issuer)),
    VNEID_SIMULATOR_ISSUER: config.vneid.issuer,
    VNEID_CLIENT_ID: config.vneid.clientId,
    VNEID_CLIENT_SECRET: config.vneid.clientSecret,
    VNEID_REDIRECT_URI: config.vneid.redirectUri,
    VNEID_POST_LOGOUT_REDIRECT_URI: config.vneid.postLogoutRedirectUri,
  };
}

const COMMANDS: Record<string, string> = {
  start: 'check PostgreSQL and Redis, create the database, migrate, seed, and run the API and the worker',
  'db:prepare': 'create the database if missing and run pending migrations',
  seed: 'import units, the procedure catalogue and (unless production) the demo accounts',
  check: 'only check that PostgreSQL and Redis answer',
  'report-facts': 'verify (compare the statistics facts with a recount of the rows; exit 1 on a difference) | rebuild',
  'catalog:import': 'import national-portal procedure records: catalog:import <file.json | folder> (a relative path may be inside UNITS_DATA_DIR)',
  'admin:create': 'create an administrator: admin:create --username U --agency CODE [--full-name N] [--password-file F] (password on stdin otherwise)',
  reorganize:
    'apply the 2025 merges file: reorganize --effective 2025-07-01 [--name N] [--override OLD=NEW …] [--grant-officers OLD …] [--apply] (dry run without --apply; scheduled when the date is ahead)',
};

async function run(command: string | undefined): Promise<number> {
  if (!command || !(command in COMMANDS)) {
    process.stderr.write(
      `usage: dvc <command>\n${Object.entries(COMMANDS)
        .map(([c, d]) => `  ${c.padEnd(13)} ${d}`)
        .join('\n')}\n`,
    );
    return 2;
  }
  const config = loadAllConfig();
  await preflight(config);
  if (command === 'check') {
    log('PostgreSQL and Redis answer');
    return 0;
  }
  const db = await prepareDatabase(config, log);
  if (command === 'reorganize' || command === 'report-facts' || command === 'catalog:import' || command === 'admin:create') {
    try {
      if (command === 'catalog:import') return await catalogImportCommand(db, config.data.unitsDataDir, process.argv.slice(3), log);
      if (command === 'admin:create') {
        const fail = (line: string) => process.stderr.write(`${line}\n`);
        return await adminCreateCommand(db, process.argv.slice(3), processPasswordSource, config.auth.passwordMinLength, log, fail);
      }
      return command === 'reorganize'
        ? await reorganizeCommand(db, config.data.unitsDataDir, process.argv.slice(3), log)
        : await reportFactsCommand(db, process.argv.slice(3), log);
    } finally {
      await db.destroy();
    }
  }
  try {
    if (command === 'seed' || command === 'start') {
      const report = await seedAll(db, config.data);
      log(
        `seeded ${report.units} units and ${report.agencies} agencies from ${report.unitsSource}; ${report.procedures} procedures; ${report.demoOfficers} demo officers`,
      );
    }
  } finally {
    await db.destroy();
  }
  if (command !== 'start') return 0;
  log(`API on http://localhost:${config.http.port} (docs at /docs, queues at /admin/queues); press Ctrl-C to stop`);
  log(
    `SMS-centre simulator: SMPP ${config.sms.simulatorSmppPort}, inbox http://localhost:${config.sms.simulatorHttpPort}/messages; payment gateway simulator http://localhost:${gatewayPort(config)}; national portal simulator ${config.nationalPortal.url}; VNeID simulator ${config.vneid.issuer} (demo identities at /identities)`,
  );
  return supervise(
    [
      { name: 'sms-centre', entry: 'sms-simulator/main.js' },
      {
        name: 'gateway',
        entry: 'payment-gateway-simulator/main.js',
        env: { PAYMENT_SIMULATOR_PORT: String(gatewayPort(config)), VNPAY_IPN_URL: `http://127.0.0.1:${config.http.port}/api/v1/payments/vnpay/ipn` },
      },
      {
        name: 'portal',
        entry: 'portal-simulator/main.js',
        env: { PORTAL_SIMULATOR_PORT: String(portPart(config.nationalPortal.url)), PORTAL_SIMULATOR_TOKEN: config.nationalPortal.token },
      },
      ...(isLocal(config.vneid.issuer) ? [{ name: 'vneid', entry: 'vneid-simulator/main.js', env: vneidSimulatorEnv(config) }] : []),
      { name: 'api', entry: 'api/main.js', nodeArgs: API_NODE_ARGS },
      { name: 'worker', entry: 'worker/main.js' },
    ],
    join(__dirname, '..'),
    log,
  );
}

run(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const oneLine = error instanceof ConfigError || error instanceof ServiceDownError || /does not answer/.test(String((error as Error).message));
    process.stderr.write(`${oneLine ? (error as Error).message : (error as Error).stack}\n`);
    process.exit(1);
  },
);
