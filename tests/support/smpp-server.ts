import type { AddressInfo } from 'node:net';
import smpp from 'smpp';

export interface SubmittedSms {
  /** The SMSC's message id it answered with. */
  messageId: string;
  to: string;
  from: string;
  dataCoding: number;
  /** The part's text (decoded by the smpp package from GSM-7 or UCS-2). */
  text: string;
  /** [reference, total, index] of a concatenated part, or null for a single SMS. */
  part: [number, number, number] | null;
}

/**
 * A real SMPP 3.4 server (the smpp package's server side) on loopback for tests: it binds
 * transceivers with one system_id/password, answers submit_sm with a message id, and sends
 * deliver_sm back — a participant's reply or a delivery receipt. Stopping and starting it on
 * the same port acts as an outage.
 */
export class TestSmppServer {
  readonly submitted: SubmittedSms[] = [];
  readonly systemId = 'brobygger';
  readonly password = 'secret';
  port = 0;
  private server: smpp.Server | null = null;
  private sessions = new Set<smpp.Session>();
  private bound = new Set<smpp.Session>();
  private nextId = 1;

  get url(): string {
    return `smpp://${this.systemId}:${this.password}@127.0.0.1:${this.port}`;
  }

  get boundSessions(): number {
    return this.bound.size;
  }

  async start(port = this.port): Promise<this> {
    const server = smpp.createServer((session) => {
      this.sessions.add(session);
      session.on('close', () => {
        this.sessions.delete(session);
        this.bound.delete(session);
      });
      session.on('error', () => {});
      session.on('bind_transceiver', (pdu: smpp.Pdu) => {
        if (pdu.system_id !== this.systemId || pdu.password !== this.password) {
          session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
          session.close();
          return;
        }
        session.send(pdu.response({ system_id: 'test-smsc' }));
        this.bound.add(session);
      });
      session.on('enquire_link', (pdu: smpp.Pdu) => session.send(pdu.response()));
      session.on('unbind', (pdu: smpp.Pdu) => {
        session.send(pdu.response());
        session.close();
      });
      session.on('submit_sm', (pdu: smpp.Pdu) => {
        const messageId = `m${this.nextId++}`;
        const message = pdu.short_message as { message?: string; udh?: Buffer[] } | string;
        const udh = typeof message === 'object' ? message.udh?.[0] : undefined;
        this.submitted.push({
          messageId,
          to: String(pdu.destination_addr),
          from: String(pdu.source_addr),
          dataCoding: Number(pdu.data_coding),
          text: typeof message === 'string' ? message : (message.message ?? ''),
          part: udh && udh[0] === 0x00 && udh.length >= 5 ? [udh.readUInt8(2), udh.readUInt8(3), udh.readUInt8(4)] : null,
        });
        session.send(pdu.response({ message_id: messageId }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** The outage: every session is cut and nobody listens until start() again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const session of this.sessions) session.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private session(): smpp.Session {
    const [session] = this.bound;
    if (!session) throw new Error('no bound SMPP session');
    return session;
  }

  private deliver(fields: Record<string, unknown>): Promise<number> {
    return new Promise((resolve) => this.session().deliver_sm(fields, (pdu) => resolve(pdu.command_status)));
  }

  /**
   * A participant's text, as the SMSC delivers it (sender as digits with country code), with any
   * further fields (e.g. `receipted_message_id`, the id some SMSCs give a text). Resolves with the app's command_status.
   */
  reply(fromE164: string, text: string, fields: Record<string, unknown> = {}): Promise<number> {
    return this.deliver({
      source_addr: fromE164.replace(/^\+/, ''),
      source_addr_ton: 1,
      source_addr_npi: 1,
      destination_addr: 'Brobygger',
      short_message: text,
      ...fields,
    });
  }

  /** A delivery receipt for a submitted message. */
  receipt(messageId: string, stat: 'DELIVRD' | 'UNDELIV' | 'EXPIRED' = 'DELIVRD'): Promise<number> {
    return this.deliver({
      source_addr: '4700000000',
      destination_addr: 'Brobygger',
      esm_class: smpp.ESM_CLASS.MC_DELIVERY_RECEIPT,
      short_message: `id:${messageId} sub:001 dlvrd:001 submit date:2612011200 done date:2612011201 stat:${stat} err:000 text:`,
    });
  }

  /** Waits (polling, no fixed sleep) until `count` parts matching the predicate have arrived. */
  async waitFor(predicate: (sms: SubmittedSms) => boolean = () => true, count = 1, timeoutMs = 10_000): Promise<SubmittedSms[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = this.submitted.filter(predicate);
      if (matching.length >= count) return matching;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${count} SMS part(s); got ${matching.length}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async waitForBind(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.bound.size === 0) {
      if (Date.now() > deadline) throw new Error('Timed out waiting for a bind');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
