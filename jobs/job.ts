import type { Db } from '~/lib/db.server';
import type { MailTransport } from '~/lib/email-transport.server';
import type { SmsGateway } from '~/domain/sms/smpp-gateway.server';

/** The SMS gateway and the sender name texts carry; null when SMS is off. */
export interface SmsContext {
  gateway: SmsGateway;
  sender: string;
}

export interface JobContext {
  db: Db;
  /** The slot's scheduled time; jobs judge "what is due" from it, so a late run does the same work. */
  scheduledFor: Date;
  now: Date;
  owner: string;
  transport: MailTransport;
  publicUrl: string;
  sms?: SmsContext | null;
}

export interface JobDefinition {
  name: string;
  /** Cron expression in Europe/Oslo time. */
  cron: string;
  /** How long a claim lives before another instance may take the slot over. */
  leaseMs: number;
  /** How many times one slot is started before its failure stays (default MAX_SLOT_ATTEMPTS, 3). */
  maxAttempts?: number;
  run(context: JobContext): Promise<unknown>;
}
