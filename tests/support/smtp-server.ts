import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export interface ReceivedEmail {
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
}

export type SmtpMode = 'accept' | 'reject-421';

/**
 * A real SMTP server on loopback for tests. It can answer 421 (temporary failure) or be
 * stopped and started again on the same port to act as an outage.
 */
export class TestSmtpServer {
  readonly received: ReceivedEmail[] = [];
  mode: SmtpMode = 'accept';
  private server: SMTPServer | null = null;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onMailFrom: (_address, _session, callback) => {
        if (this.mode === 'reject-421') {
          const error = Object.assign(new Error('Service not available, try again later'), { responseCode: 421 });
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = ([] as { value: { address?: string }[] }[])
              .concat((mail.to as never) ?? [])
              .flatMap((entry) => entry.value.map((v) => v.address ?? ''));
            this.received.push({
              to,
              subject: mail.subject ?? '',
              messageId: mail.messageId ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server as unknown as { server: { address(): AddressInfo } }).server.address().port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until `count` emails matching the predicate have arrived. */
  async waitFor(predicate: (email: ReceivedEmail) => boolean, count = 1, timeoutMs = 10_000): Promise<ReceivedEmail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = this.received.filter(predicate);
      if (matching.length >= count) return matching;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${count} email(s); got ${matching.length}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A loopback SMTP server for one test file, started once and emptied before each test. */
export function useSmtpServer(): TestSmtpServer {
  const smtp = new TestSmtpServer();
  beforeAll(() => smtp.start());
  afterAll(() => smtp.stop());
  beforeEach(() => {
    smtp.received.length = 0;
    smtp.mode = 'accept';
  });
  return smtp;
}
