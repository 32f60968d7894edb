import { runSimulator } from '@dvc/simulator-kit';
import { loadSimulatorConfig, SimulatorConfigError } from './config';
import { createSmsSimulator } from './sms-simulator';

function line(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), service: 'sms-simulator', ...fields })}\n`);
}

runSimulator({
  async start() {
    const config = loadSimulatorConfig();
    const simulator = createSmsSimulator(config);
    const ports = await simulator.start();
    line({ level: 'info', msg: 'SMS-centre simulator listening', ...ports, faults: simulator.getFaults() });
    return simulator;
  },
  startFailure(error) {
    const detail = error instanceof SimulatorConfigError ? error.message : ((error as Error).stack ?? String(error));
    return `sms-simulator failed to start: ${detail}`;
  },
  secondSignal: 'exit', // do not wait any longer
  stopFailure: (signal, error) => `sms-simulator: stop after ${signal} failed: ${(error as Error).message}`,
});
