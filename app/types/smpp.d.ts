/** The parts of the untyped `smpp` package (0.5) that Brobygger and its tests use. */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer } from 'node:net';

  namespace smpp {
    interface Pdu {
      command: string;
      command_status: number;
      sequence_number: number;
      [field: string]: unknown;
      response(fields?: Record<string, unknown>): Pdu;
      isResponse(): boolean;
    }

    class Session extends EventEmitter {
      constructor(options: Record<string, unknown>);
      send(pdu: Pdu, responseCallback?: (pdu: Pdu) => void, sendCallback?: (pdu: Pdu) => void): boolean;
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      pause(): void;
      resume(): void;
      bind_transceiver(fields: Record<string, unknown>, callback?: (pdu: Pdu) => void): boolean;
      submit_sm(fields: Record<string, unknown>, callback?: (pdu: Pdu) => void): boolean;
      deliver_sm(fields: Record<string, unknown>, callback?: (pdu: Pdu) => void): boolean;
      enquire_link(fields?: Record<string, unknown>, callback?: (pdu: Pdu) => void): boolean;
      unbind(fields?: Record<string, unknown>, callback?: (pdu: Pdu) => void): boolean;
    }

    interface Server extends NetServer {
      sessions: Session[];
    }

    function connect(options: { url: string; auto_enquire_link_period?: number; [key: string]: unknown }): Session;
    function createServer(listener: (session: Session) => void): Server;

    const ESME_ROK: number;
    const ESME_RBINDFAIL: number;
    const ESME_RSYSERR: number;
    const ESME_RX_T_APPN: number;
    const ESME_RTHROTTLED: number;
    const ESM_CLASS: { MC_DELIVERY_RECEIPT: number; UDH_INDICATOR: number; [key: string]: number };
    const ENCODING: { SMSC_DEFAULT: number; UCS2: number; [key: string]: number };
  }
  export = smpp;
}
