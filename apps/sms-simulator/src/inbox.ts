import { EventEmitter } from 'node:events';
import { normaliseNumber } from './phone-number';

/** One message as the handset received it (a concatenated message is one entry). */
export interface InboxMessage {
  to: string;
  from: string;
  text: string;
  /** ISO time of delivery to the handset. */
  receivedAt: string;
  /** The message id returned to the sender (the first part's, for a concatenated message). */
  messageId: string;
  /** Every part's message id, in part order. */
  messageIds: string[];
  via: 'smpp' | 'http';
  segments: number;
  /** SMPP data_coding (0 GSM default alphabet, 8 UCS-2, …); the HTTP API reports 0 or 8 from `unicode`. */
  dataCoding: number;
}

export type InboxFilter = { to?: string } | ((message: InboxMessage) => boolean);

/** The handsets' view: messages in arrival order. */
export class Inbox {
  private messages: InboxMessage[] = [];
  private readonly events = new EventEmitter();

  add(message: InboxMessage): void {
    this.messages.push(message);
    this.events.emit('message', message);
  }

  /** Messages in arrival order, all or those matching the filter (`to` is normalised like stored numbers). */
  list(filter?: InboxFilter): InboxMessage[] {
    const match = toPredicate(filter);
    return this.messages.filter(match).map((m) => ({ ...m, messageIds: [...m.messageIds] }));
  }

  get size(): number {
    return this.messages.length;
  }

  clear(): void {
    this.messages = [];
  }

  /** Resolves with the first message (already there or arriving) matching the filter; rejects after timeoutMs. */
  waitFor(filter: InboxFilter, timeoutMs = 5000): Promise<InboxMessage> {
    const match = toPredicate(filter);
    const existing = this.messages.find(match);
    if (existing) return Promise.resolve({ ...existing });
    return new Promise((resolve, reject) => {
      const onMessage = (message: InboxMessage) => {
        if (!match(message)) return;
        clearTimeout(timer);
        this.events.off('message', onMessage);
        resolve({ ...message });
      };
      const timer = setTimeout(() => {
        this.events.off('message', onMessage);
        reject(new Error(`no matching inbox message within ${timeoutMs} ms`));
      }, timeoutMs);
      this.events.on('message', onMessage);
    });
  }
}

function toPredicate(filter?: InboxFilter): (message: InboxMessage) => boolean {
  if (typeof filter === 'function') return filter;
  if (!filter?.to) return () => true;
  const to = normaliseNumber(filter.to);
  return (message) => message.to === to;
}
