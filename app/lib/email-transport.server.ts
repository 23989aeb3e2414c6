import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { env } from './env.server';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** What the sender talks to: SMTP, or the dev mailbox (demo mode without SMTP). */
export interface MailTransport {
  kind: 'smtp' | 'mailbox';
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string, from: string): MailTransport {
  const transporter: Transporter = nodemailer.createTransport(url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as object);
  return {
    kind: 'smtp',
    async send(email) {
      await transporter.sendMail({ from, ...email });
    },
    close: () => transporter.close(),
  };
}

/** Demo mode: nothing leaves the machine; the coordinator reads the emails at /dev/mailbox. */
export const mailboxTransport: MailTransport = { kind: 'mailbox', async send() {}, close() {} };

export function transportFromEnv(): MailTransport {
  const { SMTP_URL, MAIL_FROM } = env();
  return SMTP_URL ? smtpTransport(SMTP_URL, MAIL_FROM) : mailboxTransport;
}
