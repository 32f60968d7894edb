import type { Faults } from './faults';
import { HttpApi } from './http-api';
import type { Inbox } from './inbox';
import { SmppServer, type BindRecord } from './smpp-server';
import type { ReceiptStyle } from './delivery-receipt';
import { SmsCentre } from './sms-centre';
import type { SimulatorStats } from './stats';

export interface SmsSimulatorOptions {
  /** SMPP port; 0 = ephemeral (default 2775). */
  smppPort?: number;
  /** HTTP port; 0 = ephemeral (default 2776). */
  httpPort?: number;
  /** Interface to listen on (default: all). */
  host?: string;
  /** SMPP bind credentials (default dvc / dvcpass). */
  systemId?: string;
  password?: string;
  /** Brandname HTTP API credentials (default dvc / dvcpass). */
  httpUsername?: string;
  httpPassword?: string;
  /** PRNG seed for fault injection (default: random). */
  seed?: number;
  /** Start faults; POST /reset returns to these. */
  faults?: Partial<Faults>;
  /** Fixed prefix for message ids (default: start time in hex). */
  messageIdPrefix?: string;
  /** Receipts as Appendix B with TLVs (default), or upper case with decimal ids and no TLVs. */
  receiptStyle?: ReceiptStyle;
}

export interface SmsSimulatorPorts {
  smppPort: number;
  httpPort: number;
}

export interface SmsSimulator {
  start(): Promise<SmsSimulatorPorts>;
  stop(): Promise<void>;
  readonly inbox: Inbox;
  /** Partial update of the faults; returns the faults now in force. Throws InvalidFaultsError on bad values. */
  setFaults(faults: Partial<Faults>): Faults;
  getFaults(): Faults;
  stats(): SimulatorStats;
  /** The latest accepted SMPP binds with the interface_version each announced. */
  binds(): readonly BindRecord[];
  /** Clears inbox, counters, pending deliveries and idempotency keys; faults return to the start values. */
  reset(): void;
}

/** The bundled SMS centre: an SMPP 3.4 server and an HTTP API over one store. Framework-free. */
export function createSmsSimulator(options: SmsSimulatorOptions = {}): SmsSimulator {
  const centre = new SmsCentre({ faults: options.faults, seed: options.seed, messageIdPrefix: options.messageIdPrefix });
  const smpp = new SmppServer({ centre, systemId: options.systemId ?? 'dvc', password: options.password ?? 'dvcpass', receiptStyle: options.receiptStyle });
  const http = new HttpApi(centre, { username: options.httpUsername ?? 'dvc', password: options.httpPassword ?? 'dvcpass' });
  let started: Promise<SmsSimulatorPorts> | null = null;

  const stop = async (): Promise<void> => {
    centre.stop();
    await Promise.all([smpp.close(), http.close()]);
  };

  return {
    inbox: centre.inbox,
    start() {
      started ??= (async () => {
        try {
          const smppPort = await smpp.listen(options.smppPort ?? 2775, options.host);
          const httpPort = await http.listen(options.httpPort ?? 2776, options.host);
          return { smppPort, httpPort };
        } catch (error) {
          await stop();
          throw error;
        }
      })();
      return started;
    },
    stop,
    setFaults: (faults) => centre.setFaults(faults),
    getFaults: () => centre.faults,
    stats: () => centre.stats(),
    binds: () => smpp.binds,
    reset: () => centre.reset(),
  };
}

export { InvalidFaultsError, DEFAULT_FAULTS, type Faults } from './faults';
export type { Inbox, InboxMessage } from './inbox';
export type { SimulatorStats } from './stats';
export type { BindRecord } from './smpp-server';
