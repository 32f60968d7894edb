import { mulberry32 } from '@dvc/simulator-kit';
import { FaultPolicy, type Fate } from './fault-policy';
import { DEFAULT_FAULTS, mergeFaults, type Faults } from './faults';
import { Inbox, type InboxMessage } from './inbox';
import { createMessageIdGenerator } from './message-id';
import { MessageStatusRegistry } from './message-status';
import { Scheduler } from './scheduler';
import { emptyStats, type SimulatorStats } from './stats';
import { ConcatReassembler, type ConcatInfo } from './udh-reassembly';

/** One message (or one part of a concatenated message) handed to the centre by either front end. */
export interface Submission {
  via: 'smpp' | 'http';
  from: string;
  to: string;
  text: string;
  dataCoding: number;
  /** Segments the whole message takes when it is not sent as UDH/SAR parts. */
  segments: number;
  /** Set when this is one part of a concatenated message; `key` identifies sender, recipient and session. */
  concat?: { key: string; info: ConcatInfo };
}

/** The final outcome of an accepted message, reported after dlrDelayMs (never for "never delivered"). */
export interface FinalReport {
  messageId: string;
  state: 'DELIVERED' | 'UNDELIVERED';
  submitDate: Date;
  doneDate: Date;
  text: string;
}

export type SubmitOutcome =
  | { kind: 'throttled' }
  | { kind: 'failed' }
  | {
      kind: 'accepted';
      messageId: string;
      /** Starts the delivery clock; call it once the answer to the sender is on its way. */
      commit(onFinal?: (report: FinalReport) => void): void;
    };

export interface SmsCentreOptions {
  faults?: Partial<Faults>;
  seed?: number;
  messageIdPrefix?: string;
}

interface DeliveredPart {
  messageId: string;
  submission: Submission;
}

/** The store-and-forward core shared by the SMPP server and the HTTP brandname API. */
export class SmsCentre {
  readonly inbox = new Inbox();
  readonly statuses = new MessageStatusRegistry();
  readonly scheduler = new Scheduler();
  private readonly initialFaults: Faults;
  private currentFaults: Faults;
  private counters: SimulatorStats = emptyStats();
  private readonly seed: number;
  private readonly policy: FaultPolicy;
  private readonly nextMessageId: () => string;
  private readonly reassembler = new ConcatReassembler<DeliveredPart>();
  private readonly resetListeners: (() => void)[] = [];

  constructor(options: SmsCentreOptions = {}) {
    this.initialFaults = mergeFaults({ ...DEFAULT_FAULTS }, options.faults ?? {});
    this.currentFaults = { ...this.initialFaults };
    this.seed = options.seed ?? Math.floor(Math.random() * 0x100000000);
    this.policy = new FaultPolicy(mulberry32(this.seed));
    this.nextMessageId = createMessageIdGenerator(options.messageIdPrefix);
  }

  get faults(): Faults {
    return { ...this.currentFaults };
  }

  /** Partial update; throws InvalidFaultsError on bad input. */
  setFaults(patch: Partial<Faults>): Faults {
    this.currentFaults = mergeFaults(this.currentFaults, patch);
    return this.faults;
  }

  stats(): SimulatorStats {
    return { ...this.counters };
  }

  countDuplicate(): void {
    this.counters.duplicatesByRequestId++;
  }

  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  /** Clears inbox, counters, statuses and pending deliveries; faults and the PRNG go back to the start values. */
  reset(): void {
    this.scheduler.cancel('delivery');
    this.inbox.clear();
    this.statuses.clear();
    this.reassembler.clear();
    this.counters = emptyStats();
    this.currentFaults = { ...this.initialFaults };
    this.policy.reset(mulberry32(this.seed));
    for (const listener of this.resetListeners) listener();
  }

  /** Cancels every timer (deliveries, delayed answers). */
  stop(): void {
    this.scheduler.cancelAll();
  }

  /** Runs fn after the configured latency (immediately when it is 0). */
  afterLatency(fn: () => void, latencyMs = this.currentFaults.latencyMs): void {
    if (latencyMs <= 0) fn();
    else this.scheduler.schedule(latencyMs, fn, 'latency');
  }

  submit(submission: Submission): SubmitOutcome {
    this.counters.submitted++;
    const decision = this.policy.decide(this.currentFaults);
    if (decision.kind === 'throttled') {
      this.counters.throttled++;
      return decision;
    }
    if (decision.kind === 'failed') {
      this.counters.failed++;
      return decision;
    }
    this.counters.accepted++;
    const messageId = this.nextMessageId();
    const submitDate = new Date();
    this.statuses.accepted(messageId, submitDate);
    if (decision.fate === 'never') this.counters.neverDelivered++;
    let committed = false;
    return {
      kind: 'accepted',
      messageId,
      commit: (onFinal) => {
        if (committed) return;
        committed = true;
        if (decision.fate === 'never') return;
        this.scheduler.schedule(this.currentFaults.dlrDelayMs, () => this.finish(decision.fate, messageId, submission, submitDate, onFinal), 'delivery');
      },
    };
  }

  private finish(fate: Fate, messageId: string, submission: Submission, submitDate: Date, onFinal?: (report: FinalReport) => void): void {
    const doneDate = new Date();
    const state = fate === 'deliver' ? 'DELIVERED' : 'UNDELIVERED';
    this.statuses.finished(messageId, state, doneDate);
    if (state === 'DELIVERED') {
      this.counters.delivered++;
      this.store({ messageId, submission }, doneDate);
    } else {
      this.counters.undelivered++;
    }
    onFinal?.({ messageId, state, submitDate, doneDate, text: submission.text });
  }

  /** Puts a delivered message (or, for a concatenated one, its last missing part) into the inbox. */
  private store(part: DeliveredPart, at: Date): void {
    const { concat } = part.submission;
    const parts = concat ? this.reassembler.add(concat.key, concat.info, part) : [part];
    if (!parts) return;
    const first = parts[0].submission;
    const message: InboxMessage = {
      to: first.to,
      from: first.from,
      text: parts.map((p) => p.submission.text).join(''),
      receivedAt: at.toISOString(),
      messageId: parts[0].messageId,
      messageIds: parts.map((p) => p.messageId),
      via: first.via,
      segments: concat ? parts.length : first.segments,
      dataCoding: first.dataCoding,
    };
    this.inbox.add(message);
  }
}
