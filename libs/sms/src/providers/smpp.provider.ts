import { Logger } from '@nestjs/common';
import { concatUdh8, parseSmppReceiptText, receiptOutcome, smscIdSpellings, splitIntoParts } from '@dvc/core';
import { DeliveryReceipt, OutgoingSms, SmsProvider, SmsSendError } from './sms-provider';

// node-smpp has no type declarations; these are the few members used here.
interface SmppPdu {
  command_status: number;
  message_id?: string;
  esm_class?: number;
  short_message?: { message?: string } | string;
  receipted_message_id?: string;
  message_state?: number;
  response(fields?: Record<string, unknown>): SmppPdu;
}
interface SmppSession {
  bind_transceiver(fields: Record<string, unknown>, cb: (pdu: SmppPdu) => void): void;
  submit_sm(fields: Record<string, unknown>, cb: (pdu: SmppPdu) => void): void;
  unbind(cb?: () => void): void;
  send(pdu: SmppPdu): void;
  close(): void;
  on(event: string, listener: (arg: SmppPdu & Error) => void): void;
  removeAllListeners(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const smpp = require('smpp') as { connect(options: Record<string, unknown>, cb?: () => void): SmppSession };

const ESME_RINVDSTADR = 0x0b;
const ESME_RMSGQFUL = 0x14;
const ESME_RTHROTTLED = 0x58;
const SUBMIT_TIMEOUT_MS = 10_000;

export interface SmppOptions {
  host: string;
  port: number;
  systemId: string;
  password: string;
  /** Long messages as one submit_sm with message_payload, or as concatenated parts with a UDH (default payload). */
  longMessages?: 'payload' | 'udh';
}

/** SMPP 3.4 (node-smpp's default, 0x50, announces 5.0 on a 3.4 link). */
const INTERFACE_VERSION_3_4 = 0x34;
const ESM_CLASS_UDHI = 0x40;
/** Ids of the second and later parts of messages sent as parts, whose receipts are not the message's own. */
const MAX_REMEMBERED_PARTS = 10_000;

/**
 * A deliver_sm receipt: the receipted_message_id TLV when present (SMPP 3.4 §5.3.2.12), else the Appendix B text
 * (field names in any case); the message_state TLV when the text has no state. Not-final states are no receipt.
 */
export function parseReceipt(pdu: Pick<SmppPdu, 'short_message' | 'receipted_message_id' | 'message_state'>): DeliveryReceipt | null {
  const text = typeof pdu.short_message === 'string' ? pdu.short_message : (pdu.short_message?.message ?? '');
  const parsed = parseSmppReceiptText(text);
  const id = pdu.receipted_message_id || parsed?.id || /(?:^|\s)id:(\S+)/i.exec(text)?.[1];
  const stat =
    parsed?.stat ?? /stat:(\w+)/i.exec(text)?.[1]?.toUpperCase() ?? (pdu.message_state === 2 ? 'DELIVRD' : pdu.message_state ? 'UNDELIV' : undefined);
  if (!id || !stat) return null;
  const status = receiptOutcome(stat);
  if (!status) return null;
  return { providerMessageId: id, status, detail: stat, alternativeIds: smscIdSpellings(id).filter((s) => s !== id) };
}

/**
 * One transceiver session to the SMS centre: binds, keeps itself alive with enquire_link, reconnects with
 * backoff, submits messages and turns deliver_sm receipts into events.
 */
export class SmppProvider implements SmsProvider {
  readonly name = 'smpp';
  private readonly logger = new Logger('SmppProvider');
  private session: SmppSession | null = null;
  private bound: Promise<SmppSession> | null = null;
  private readonly listeners: ((r: DeliveryReceipt) => void)[] = [];
  private closed = false;
  private reconnectDelayMs = 500;
  private reference = Math.floor(Math.random() * 256);
  private readonly laterParts = new Set<string>();

  constructor(private readonly options: SmppOptions) {}

  onReceipt(listener: (receipt: DeliveryReceipt) => void): void {
    this.listeners.push(listener);
  }

  /** Binds at once, retrying with backoff: the SMS centre pushes receipts it kept for us as soon as we bind. */
  open(): void {
    this.ready().catch((error: Error) => {
      this.logger.warn(`SMPP bind failed: ${error.message}`);
      this.scheduleReconnect();
    });
  }

  async send(sms: OutgoingSms): Promise<{ providerMessageId: string }> {
    const session = await this.ready();
    const base: Record<string, unknown> = {
      source_addr: sms.sender,
      source_addr_ton: 5, // alphanumeric brandname
      source_addr_npi: 0,
      destination_addr: sms.to,
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      registered_delivery: 1,
      data_coding: sms.encoding === 'UCS2' ? 8 : 0,
    };
    if (sms.segments <= 1) return { providerMessageId: await this.submit(session, { ...base, short_message: sms.text }) };
    if (this.options.longMessages !== 'udh') return { providerMessageId: await this.submit(session, { ...base, message_payload: sms.text }) };
    // Concatenated parts: the message is known by its first part's id; the other parts' receipts are dropped.
    const parts = splitIntoParts(sms.text);
    const reference = this.nextReference();
    let first = '';
    for (const [i, part] of parts.entries()) {
      const id = await this.submit(session, {
        ...base,
        esm_class: ESM_CLASS_UDHI,
        short_message: { udh: Buffer.from(concatUdh8(reference, parts.length, i + 1)), message: part },
      });
      if (i === 0) first = id;
      else this.rememberPart(id);
    }
    return { providerMessageId: first };
  }

  private async submit(session: SmppSession, fields: Record<string, unknown>): Promise<string> {
    const pdu = await new Promise<SmppPdu>((resolve, reject) => {
      const timer = setTimeout(() => reject(new SmsSendError('the SMS centre did not answer submit_sm in time', true)), SUBMIT_TIMEOUT_MS);
      session.submit_sm(fields, (response) => {
        clearTimeout(timer);
        resolve(response);
      });
    });
    if (pdu.command_status === 0 && pdu.message_id) return pdu.message_id;
    const status = `0x${pdu.command_status.toString(16).padStart(2, '0')}`;
    if (pdu.command_status === ESME_RTHROTTLED || pdu.command_status === ESME_RMSGQFUL)
      throw new SmsSendError(`throttled by the SMS centre (${status})`, true, true);
    if (pdu.command_status === ESME_RINVDSTADR) throw new SmsSendError(`invalid destination (${status})`, false);
    throw new SmsSendError(`submit_sm failed with command_status ${status}`, true);
  }

  private nextReference(): number {
    this.reference = (this.reference + 1) & 0xff;
    return this.reference;
  }

  private rememberPart(id: string): void {
    this.laterParts.add(id);
    if (this.laterParts.size > MAX_REMEMBERED_PARTS) this.laterParts.delete(this.laterParts.values().next().value!);
  }

  async close(): Promise<void> {
    this.closed = true;
    const session = this.session;
    this.session = null;
    this.bound = null;
    if (!session) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      try {
        session.unbind(() => {
          clearTimeout(timer);
          resolve();
        });
      } catch {
        clearTimeout(timer);
        resolve();
      }
    });
    session.removeAllListeners();
    session.on('error', () => undefined);
    session.close();
  }

  private ready(): Promise<SmppSession> {
    if (this.closed) return Promise.reject(new SmsSendError('the SMPP provider is closed', true));
    this.bound ??= this.connect().catch((error: unknown) => {
      this.bound = null;
      throw error instanceof SmsSendError ? error : new SmsSendError(`cannot reach the SMS centre: ${(error as Error).message}`, true);
    });
    return this.bound;
  }

  private connect(): Promise<SmppSession> {
    const { host, port, systemId, password } = this.options;
    return new Promise<SmppSession>((resolve, reject) => {
      let settled = false;
      // noDelay: each submit_sm is a small PDU waiting for its answer; Nagle would hold it back ~40 ms.
      const session = smpp.connect({ url: `smpp://${host}:${port}`, auto_enquire_link_period: 10_000, noDelay: true }, () => {
        session.bind_transceiver({ system_id: systemId, password, interface_version: INTERFACE_VERSION_3_4 }, (pdu) => {
          settled = true;
          if (pdu.command_status === 0) {
            this.reconnectDelayMs = 500;
            this.session = session;
            resolve(session);
          } else {
            session.close();
            reject(new SmsSendError(`bind_transceiver refused (0x${pdu.command_status.toString(16)})`, true));
          }
        });
      });
      session.on('error', (error) => {
        if (!settled) {
          settled = true;
          reject(error);
        }
      });
      session.on('close', () => {
        if (this.session === session) {
          this.session = null;
          this.bound = null;
          if (!this.closed) this.scheduleReconnect();
        }
      });
      session.on('deliver_sm', (pdu) => {
        session.send(pdu.response());
        if (((pdu.esm_class ?? 0) & 0x04) === 0) return;
        const receipt = parseReceipt(pdu);
        if (!receipt) return;
        if (this.laterParts.delete(receipt.providerMessageId)) return;
        for (const listener of this.listeners) listener(receipt);
      });
    });
  }

  /** Receipts only arrive on a bound session, so a dropped one is re-bound even when nothing is being sent. */
  private scheduleReconnect(): void {
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 30_000);
    const timer = setTimeout(() => {
      if (this.closed || this.bound) return;
      this.ready().catch((error: Error) => {
        this.logger.warn(`SMPP reconnect failed: ${error.message}`);
        this.scheduleReconnect();
      });
    }, delay);
    timer.unref();
  }
}
