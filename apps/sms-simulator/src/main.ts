import { loadSimulatorConfig, SimulatorConfigError } from './config';
import { createSmsSimulator } from './sms-simulator';

function line(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), service: 'sms-simulator', ...fields })}\n`);
}

async function main(): Promise<void> {
  const config = loadSimulatorConfig();
  const simulator = createSmsSimulator(config);
  const ports = await simulator.start();
  line({ level: 'info', msg: 'SMS-centre simulator listening', ...ports, faults: simulator.getFaults() });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // second signal: do not wait any longer
    stopping = true;
    simulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sms-simulator: stop after ${signal} failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  const detail = error instanceof SimulatorConfigError ? error.message : ((error as Error).stack ?? String(error));
  process.stderr.write(`sms-simulator failed to start: ${detail}\n`);
  process.exit(1);
});
