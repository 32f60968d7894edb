/** What a simulator process stops on SIGINT/SIGTERM. */
export interface Stoppable {
  stop(): Promise<void>;
}

export interface SimulatorProcess {
  /** Reads the environment, starts the simulator and prints its start line; resolves with the running simulator. */
  start(): Promise<Stoppable>;
  /** The stderr line when it does not start. */
  startFailure(error: unknown): string;
  /** A second signal while stopping: 'exit' ends the process at once with 1, 'wait' lets the stop finish. */
  secondSignal: 'exit' | 'wait';
  /** The stderr line when the stop fails (none without it); the exit status is 1 either way. */
  stopFailure?(signal: NodeJS.Signals, error: unknown): string;
}

/** Runs a simulator as a process: exit 1 when it does not start; on SIGINT/SIGTERM stop it, then exit 0 (1 if the stop fails). */
export function runSimulator(simulatorProcess: SimulatorProcess): void {
  simulatorProcess.start().then(
    (simulator) => stopOnSignals(simulator, simulatorProcess),
    (error: unknown) => {
      process.stderr.write(`${simulatorProcess.startFailure(error)}\n`);
      process.exit(1);
    },
  );
}

function stopOnSignals(simulator: Stoppable, { secondSignal, stopFailure }: SimulatorProcess): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      if (secondSignal === 'exit') process.exit(1);
      return;
    }
    stopping = true;
    simulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        if (stopFailure) process.stderr.write(`${stopFailure(signal, error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
