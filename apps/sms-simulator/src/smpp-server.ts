import { listenOn } from '@dvc/simulator-kit';
import * as smpp from 'smpp';
import { receiptPduFields, type ReceiptAddresses, type ReceiptStyle } from './delivery-receipt';
import { submittedText } from './message-text';
import { isValidDestination, normaliseNumber } from './phone-number';
import { countSegments } from './segments';
import type { FinalReport, SmsCentre } from './sms-centre';
import { concatInfoFromSar, concatInfoFromUdh } from './udh-reassembly';

export const SMPP_STATUS = {
  ESME_ROK: 0x00,
  ESME_RINVCMDID: 0x03,
  ESME_RINVBNDSTS: 0x04,
  ESME_RALYBND: 0x05,
  ESME_RSYSERR: 0x08,
  ESME_RINVDSTADR: 0x0b,
  ESME_RBINDFAIL: 0x0d,
  ESME_RTHROTTLED: 0x58,
  ESME_RQUERYFAIL: 0x67,
} as const;

const UDHI = 0x40;
const MAX_PENDING_RECEIPTS = 10_000;
const SMSC_SYSTEM_ID = 'DVCSIM';

export type BindMode = 'transceiver' | 'transmitter' | 'receiver';

/** One accepted bind, as the client announced it (interface_version 0x34 is SMPP 3.4). */
export interface BindRecord {
  systemId: string;
  mode: BindMode;
  interfaceVersion: number | null;
}
const MAX_BIND_RECORDS = 100;

interface SessionState {
  session: smpp.Session;
  systemId?: string;
  mode?: BindMode;
}

export interface SmppServerOptions {
  systemId: string;
  password: string;
  centre: SmsCentre;
  receiptStyle?: ReceiptStyle;
}

/**
 * SMPP 3.4 front end: binds (transceiver, transmitter, receiver), submit_sm, query_sm, enquire_link, unbind,
 * and delivery receipts as deliver_sm — on the submitting session, else another receiver/transceiver of the
 * same system_id, else queued until one binds.
 */
export class SmppServer {
  private readonly server: smpp.Server;
  private readonly states = new Map<smpp.Session, SessionState>();
  private readonly pendingReceipts = new Map<string, Record<string, unknown>[]>();
  /** The latest accepted binds, oldest first. */
  readonly binds: BindRecord[] = [];

  constructor(private readonly options: SmppServerOptions) {
    this.server = smpp.createServer((session) => this.accept(session));
    this.server.on('error', () => undefined);
    options.centre.onReset(() => this.pendingReceipts.clear());
  }

  listen(port: number, host?: string): Promise<number> {
    return listenOn(this.server, port, host);
  }

  /** Stops listening and drops every session. */
  close(): Promise<void> {
    this.pendingReceipts.clear();
    return new Promise((resolve) => {
      if (!this.server.listening) {
        this.destroySessions();
        resolve();
        return;
      }
      this.server.close(() => resolve());
      this.destroySessions();
    });
  }

  private destroySessions(): void {
    for (const { session } of this.states.values()) session.destroy();
    this.states.clear();
  }

  private accept(session: smpp.Session): void {
    const state: SessionState = { session };
    // Small PDUs answered one by one: without this, Nagle's algorithm and delayed ACKs add ~40 ms to each.
    (session as unknown as { socket?: { setNoDelay?(on: boolean): void } }).socket?.setNoDelay?.(true);
    this.states.set(session, state);
    session.on('error', () => undefined);
    session.on('close', () => this.states.delete(session));
    session.on('pdu', (pdu: smpp.PDU) => this.handle(state, pdu));
  }

  private handle(state: SessionState, pdu: smpp.PDU): void {
    const { session } = state;
    switch (pdu.command) {
      case 'bind_transceiver':
        return this.bind(state, pdu, 'transceiver');
      case 'bind_transmitter':
        return this.bind(state, pdu, 'transmitter');
      case 'bind_receiver':
        return this.bind(state, pdu, 'receiver');
      case 'submit_sm':
        return this.submit(state, pdu);
      case 'query_sm':
        return this.query(state, pdu);
      case 'enquire_link':
        session.send(pdu.response());
        return;
      case 'unbind':
        state.mode = undefined;
        session.send(pdu.response(), () => session.close());
        return;
      default:
        if (pdu.isResponse()) return; // deliver_sm_resp, enquire_link_resp, generic_nack …
        session.send(this.reject(pdu, SMPP_STATUS.ESME_RINVCMDID));
    }
  }

  /** `<command>_resp` with an error status, or generic_nack for commands that have no response of their own. */
  private reject(pdu: smpp.PDU, status: number): smpp.PDU {
    if (pdu.command !== 'unknown' && smpp.commands[`${pdu.command}_resp`]) return pdu.response({ command_status: status });
    return new smpp.PDU('generic_nack', { sequence_number: pdu.sequence_number, command_status: status });
  }

  private bind(state: SessionState, pdu: smpp.PDU, mode: BindMode): void {
    if (state.mode) {
      state.session.send(pdu.response({ command_status: SMPP_STATUS.ESME_RALYBND }));
      return;
    }
    if (pdu.system_id !== this.options.systemId || pdu.password !== this.options.password) {
      state.session.send(pdu.response({ command_status: SMPP_STATUS.ESME_RBINDFAIL }));
      return;
    }
    state.mode = mode;
    state.systemId = pdu.system_id;
    this.binds.push({ systemId: pdu.system_id, mode, interfaceVersion: pdu.interface_version ?? null });
    if (this.binds.length > MAX_BIND_RECORDS) this.binds.shift();
    state.session.send(pdu.response({ system_id: SMSC_SYSTEM_ID }));
    if (mode !== 'transmitter') this.flushPendingReceipts(state);
  }

  private submit(state: SessionState, pdu: smpp.PDU): void {
    const { session } = state;
    if (!state.mode || state.mode === 'receiver') {
      session.send(pdu.response({ command_status: SMPP_STATUS.ESME_RINVBNDSTS }));
      return;
    }
    const to = normaliseNumber(pdu.destination_addr ?? '');
    if (!isValidDestination(to)) {
      session.send(pdu.response({ command_status: SMPP_STATUS.ESME_RINVDSTADR }));
      return;
    }
    const from = normaliseNumber(pdu.source_addr ?? '');
    const dataCoding = pdu.data_coding ?? 0;
    const { text, udh } = submittedText(pdu);
    const info = ((pdu.esm_class ?? 0) & UDHI) !== 0 ? concatInfoFromUdh(udh) : concatInfoFromSar(pdu);
    const ucs2 = (dataCoding & 0x0f) === 8;
    const outcome = this.options.centre.submit({
      via: 'smpp',
      from,
      to,
      text,
      dataCoding,
      segments: countSegments(text, ucs2),
      ...(info && info.total > 1 ? { concat: { key: `${state.systemId}|${from}|${to}`, info } } : {}),
    });
    const addresses: ReceiptAddresses = {
      source: pdu.source_addr ?? '',
      sourceTon: pdu.source_addr_ton,
      sourceNpi: pdu.source_addr_npi,
      destination: pdu.destination_addr ?? '',
      destinationTon: pdu.dest_addr_ton,
      destinationNpi: pdu.dest_addr_npi,
    };
    const registered = (pdu.registered_delivery ?? 0) & 0x03;
    this.options.centre.afterLatency(() => {
      if (outcome.kind === 'throttled') session.send(pdu.response({ command_status: SMPP_STATUS.ESME_RTHROTTLED }));
      else if (outcome.kind === 'failed') session.send(pdu.response({ command_status: SMPP_STATUS.ESME_RSYSERR }));
      else {
        session.send(pdu.response({ message_id: outcome.messageId }));
        outcome.commit((report) => {
          // registered_delivery 1: receipt on any final outcome; 2: on failure only.
          if (registered === 1 || (registered === 2 && report.state === 'UNDELIVERED')) this.sendReceipt(state, report, addresses);
        });
      }
    });
  }

  private query(state: SessionState, pdu: smpp.PDU): void {
    const messageId = pdu.message_id ?? '';
    const record = state.mode ? this.options.centre.statuses.get(messageId) : undefined;
    if (!record) {
      state.session.send(pdu.response({ command_status: state.mode ? SMPP_STATUS.ESME_RQUERYFAIL : SMPP_STATUS.ESME_RINVBNDSTS }));
      return;
    }
    const messageState = record.status === 'DELIVERED' ? 2 : record.status === 'UNDELIVERED' ? 5 : 1;
    state.session.send(
      pdu.response({
        message_id: messageId,
        final_date: record.doneAt ?? '',
        message_state: messageState,
        error_code: record.status === 'UNDELIVERED' ? 1 : 0,
      }),
    );
  }

  private sendReceipt(origin: SessionState, report: FinalReport, addresses: ReceiptAddresses): void {
    const fields = receiptPduFields(report, addresses, this.options.receiptStyle);
    const systemId = origin.systemId ?? '';
    const target = this.canReceive(origin) ? origin : this.receiverFor(systemId);
    if (target && this.deliver(target, fields)) return;
    const queue = this.pendingReceipts.get(systemId) ?? [];
    queue.push(fields);
    if (queue.length > MAX_PENDING_RECEIPTS) queue.shift();
    this.pendingReceipts.set(systemId, queue);
  }

  private canReceive(state: SessionState): boolean {
    return this.states.get(state.session) === state && (state.mode === 'transceiver' || state.mode === 'receiver');
  }

  private receiverFor(systemId: string): SessionState | undefined {
    for (const state of this.states.values()) if (state.systemId === systemId && this.canReceive(state)) return state;
    return undefined;
  }

  private deliver(state: SessionState, fields: Record<string, unknown>): boolean {
    return state.session.send(new smpp.PDU('deliver_sm', { ...fields }));
  }

  private flushPendingReceipts(state: SessionState): void {
    const queue = this.pendingReceipts.get(state.systemId ?? '');
    if (!queue) return;
    this.pendingReceipts.delete(state.systemId ?? '');
    const undelivered = queue.filter((fields) => !this.deliver(state, fields));
    if (undelivered.length > 0) this.pendingReceipts.set(state.systemId ?? '', undelivered);
  }
}
