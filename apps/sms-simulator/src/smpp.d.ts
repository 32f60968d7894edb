/**
 * Minimal typings for node-smpp 0.5.1 (farhadi/node-smpp), which ships none: only what the simulator and its
 * tests use. PDU fields are decoded by the library: `short_message` / `message_payload` become
 * `{ message: string; udh?: Buffer[] }` when `data_coding` names a known encoding.
 */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  export type PduFields = Record<string, unknown>;
  export type PduCallback = (pdu: PDU) => void;

  export interface DecodedMessage {
    message: string | Buffer;
    udh?: Buffer[];
  }

  export class PDU {
    constructor(command: string, options?: PduFields);
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    system_id?: string;
    password?: string;
    interface_version?: number;
    message_id?: string;
    source_addr?: string;
    source_addr_ton?: number;
    source_addr_npi?: number;
    destination_addr?: string;
    dest_addr_ton?: number;
    dest_addr_npi?: number;
    esm_class?: number;
    registered_delivery?: number;
    data_coding?: number | null;
    short_message?: DecodedMessage | string | Buffer;
    message_payload?: DecodedMessage | string | Buffer;
    receipted_message_id?: string;
    message_state?: number;
    sar_msg_ref_num?: number;
    sar_total_segments?: number;
    sar_segment_seqnum?: number;
    [field: string]: unknown;
    isResponse(): boolean;
    response(options?: PduFields): PDU;
    toBuffer(): Buffer;
  }

  type Shortcut = (options?: PduFields | PduCallback, responseCallback?: PduCallback, sendCallback?: PduCallback) => boolean;

  export interface Session extends EventEmitter {
    socket: Socket;
    send(pdu: PDU, responseCallback?: PduCallback, sendCallback?: PduCallback): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
    bind_transceiver: Shortcut;
    bind_transmitter: Shortcut;
    bind_receiver: Shortcut;
    submit_sm: Shortcut;
    deliver_sm: Shortcut;
    query_sm: Shortcut;
    enquire_link: Shortcut;
    unbind: Shortcut;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  export function createServer(options?: Record<string, unknown>, listener?: (session: Session) => void): Server;
  export function createServer(listener: (session: Session) => void): Server;
  export function connect(options: string | Record<string, unknown>, listener?: () => void): Session;

  export const errors: Record<string, number>;
  export const commands: Record<string, { id: number; command: string }>;
}
