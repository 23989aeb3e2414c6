import crypto from 'node:crypto';
import smpp from 'smpp';
import type { SmsPlan } from './encoding';
import { parseDeliveryReceipt } from './replies';

export interface OutgoingText {
  to: string;
  from: string;
  plan: SmsPlan;
}

/** What the SMSC delivered to us: a participant's text or a delivery receipt. */
export type IncomingText =
  /** `messageId`: the SMSC's id of the text, when its deliver_sm carries one (a redelivery carries the same). */
  | { kind: 'text'; from: string; text: string; messageId: string | null }
  | { kind: 'receipt'; messageId: string; stat: string | null; text: string };

/** What the SMS sender talks to: an SMPP session, or the dev page's log in demo mode. */
export interface SmsGateway {
  kind: 'smpp' | 'devbox';
  /** Submits every part; resolves with the SMSC's message id of each, rejects when any part fails. */
  submit(text: OutgoingText): Promise<string[]>;
  close(): Promise<void>;
}

/** Demo mode without SMS_URL: nothing leaves the machine; the texts are read at /texts. */
export const devboxGateway: SmsGateway = {
  kind: 'devbox',
  submit(text) {
    return Promise.resolve(text.plan.parts.map(() => `dev-${crypto.randomUUID()}`));
  },
  async close() {},
};

export interface SmppOptions {
  url: string;
  /** Called for each deliver_sm; the SMSC gets its response only after this resolves (or a temporary error if it throws). */
  onDeliver: (incoming: IncomingText) => Promise<void>;
  log?: (message: string) => void;
  enquireLinkMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  submitTimeoutMs?: number;
}

/** smpp://system_id:password@host:port → the parts a bind needs. */
export function parseSmsUrl(url: string): { address: string; systemId: string; password: string } {
  const parsed = new URL(url);
  return {
    address: `${parsed.protocol === 'smpps:' ? 'ssmpp' : 'smpp'}://${parsed.hostname}:${parsed.port}`,
    systemId: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

function decodeMessage(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'message' in value) {
    const message = value.message;
    return typeof message === 'string' ? message : Buffer.isBuffer(message) ? message.toString('utf8') : '';
  }
  return Buffer.isBuffer(value) ? value.toString('utf8') : '';
}

function toIncoming(pdu: smpp.Pdu): IncomingText {
  const text = decodeMessage(pdu.short_message) || decodeMessage(pdu.message_payload);
  const esmClass = Number(pdu.esm_class ?? 0);
  if (esmClass & smpp.ESM_CLASS.MC_DELIVERY_RECEIPT) {
    const parsed = parseDeliveryReceipt(text);
    const tlvId = typeof pdu.receipted_message_id === 'string' ? pdu.receipted_message_id : '';
    return { kind: 'receipt', messageId: tlvId || parsed?.messageId || '', stat: parsed?.stat ?? null, text };
  }
  // SMPP 3.4 gives a mobile-originated text no id of its own; SMSCs that name it use the
  // receipted_message_id TLV (or a message_id field) for it.
  const ids = [pdu.receipted_message_id, pdu.message_id].filter(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  return { kind: 'text', from: typeof pdu.source_addr === 'string' ? pdu.source_addr : '', text, messageId: ids[0]?.trim() ?? null };
}

/** E.164 without the plus, as SMSCs want it with TON international / NPI E.164. */
function smppAddress(phone: string): { addr: string; ton: number; npi: number } {
  if (/^\+\d+$/.test(phone)) return { addr: phone.slice(1), ton: 1, npi: 1 };
  if (/^\d+$/.test(phone)) return { addr: phone, ton: 1, npi: 1 };
  return { addr: phone, ton: 5, npi: 0 }; // alphanumeric sender
}

/**
 * One bound transceiver session to the SMSC, kept alive with enquire_link and bound again
 * after any loss with growing pauses (1 s, 2 s, 4 s … at most maxBackoffMs). Submitting while
 * unbound fails at once, so the outbox keeps the text and retries it later.
 */
export class SmppGateway implements SmsGateway {
  readonly kind = 'smpp' as const;
  private session: smpp.Session | null = null;
  private bound = false;
  private closing = false;
  private backoffMs: number;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reference = crypto.randomInt(256);
  private waiters: (() => void)[] = [];
  /** Errors are logged once per outage, not at every reconnect attempt. */
  private quiet = false;
  private readonly target: ReturnType<typeof parseSmsUrl>;

  constructor(private readonly options: SmppOptions) {
    this.target = parseSmsUrl(options.url);
    this.backoffMs = options.minBackoffMs ?? 1000;
  }

  get isBound(): boolean {
    return this.bound;
  }

  start(): this {
    this.connect();
    return this;
  }

  /** Resolves once the session is bound (tests and start-up checks). */
  waitUntilBound(timeoutMs = 10_000): Promise<void> {
    if (this.bound) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('SMPP session not bound in time')), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private log(message: string) {
    this.options.log?.(message);
  }

  private connect() {
    if (this.closing) return;
    const session = smpp.connect({ url: this.target.address, auto_enquire_link_period: this.options.enquireLinkMs ?? 30_000 });
    this.session = session;
    session.on('connect', () => {
      session.bind_transceiver({ system_id: this.target.systemId, password: this.target.password, interface_version: 0x34 }, (pdu) => {
        if (pdu.command_status !== smpp.ESME_ROK) {
          this.log(`SMPP bind refused (status ${pdu.command_status})`);
          session.destroy();
          return;
        }
        this.bound = true;
        this.quiet = false;
        this.backoffMs = this.options.minBackoffMs ?? 1000;
        for (const waiter of this.waiters.splice(0)) waiter();
      });
    });
    session.on('deliver_sm', (pdu: smpp.Pdu) => {
      this.options.onDeliver(toIncoming(pdu)).then(
        () => session.send(pdu.response()),
        (error: unknown) => {
          this.log(`deliver_sm not stored: ${error instanceof Error ? error.message : String(error)}`);
          session.send(pdu.response({ command_status: smpp.ESME_RX_T_APPN }));
        },
      );
    });
    session.on('enquire_link', (pdu: smpp.Pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu: smpp.Pdu) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('error', (error: Error) => {
      if (!this.quiet) this.log(`SMPP session error (retrying): ${error.message}`);
      this.quiet = true;
    });
    session.on('close', () => {
      if (this.session !== session) return;
      this.bound = false;
      this.session = null;
      if (this.closing) return;
      const delay = this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 30_000);
      this.reconnectTimer = setTimeout(() => this.connect(), delay);
      this.reconnectTimer.unref();
    });
  }

  async submit(text: OutgoingText): Promise<string[]> {
    const session = this.session;
    if (!session || !this.bound) throw new Error('SMS gateway not connected');
    const destination = smppAddress(text.to);
    const source = smppAddress(text.from);
    const reference = (this.reference = (this.reference + 1) % 256);
    const { parts, encoding } = text.plan;
    const ids: string[] = [];
    for (const [index, part] of parts.entries()) {
      const udh = parts.length > 1 ? Buffer.from([0x05, 0x00, 0x03, reference, parts.length, index + 1]) : null;
      const fields: Record<string, unknown> = {
        source_addr: source.addr,
        source_addr_ton: source.ton,
        source_addr_npi: source.npi,
        destination_addr: destination.addr,
        dest_addr_ton: destination.ton,
        dest_addr_npi: destination.npi,
        data_coding: encoding === 'UCS2' ? smpp.ENCODING.UCS2 : smpp.ENCODING.SMSC_DEFAULT,
        esm_class: 0,
        registered_delivery: 1,
        short_message: udh ? { udh, message: part } : part,
      };
      ids.push(await this.submitPart(session, fields));
    }
    return ids;
  }

  private submitPart(session: smpp.Session, fields: Record<string, unknown>): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('submit_sm timed out')), this.options.submitTimeoutMs ?? 15_000);
      const onClose = () => {
        clearTimeout(timer);
        reject(new Error('SMS gateway connection lost'));
      };
      session.once('close', onClose);
      const written = session.submit_sm(fields, (pdu) => {
        clearTimeout(timer);
        session.off('close', onClose);
        if (pdu.command_status === smpp.ESME_ROK) resolve(String(pdu.message_id));
        else reject(new Error(`submit_sm refused (status ${pdu.command_status})`));
      });
      if (!written) onClose();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const session = this.session;
    if (!session) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => session.destroy(() => resolve()), 2000);
      timer.unref();
      if (this.bound)
        session.unbind({}, () =>
          session.close(() => {
            clearTimeout(timer);
            resolve();
          }),
        );
      else
        session.destroy(() => {
          clearTimeout(timer);
          resolve();
        });
    });
    this.bound = false;
  }
}
