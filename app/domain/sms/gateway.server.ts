import { env } from '~/lib/env.server';
import { devboxGateway, parseSmsUrl, SmppGateway, type IncomingText, type SmsGateway } from '~/domain/sms/smpp-gateway.server';

export type SmsMode = 'SMPP' | 'DEMO' | 'OFF';

/** SMPP with SMS_URL; the dev page's log in demo mode without it; otherwise SMS is off. */
export function smsMode(): SmsMode {
  const config = env();
  if (config.SMS_URL) return 'SMPP';
  return config.DEMO_MODE ? 'DEMO' : 'OFF';
}

let active: SmsGateway | null = null;

/**
 * The process's one gateway, made at start by the process that runs the jobs: an SMPP
 * transceiver session whose deliver_sm (replies, receipts) go to `onDeliver` (the server passes
 * receiveIncoming from app/domain/meetings/text-replies.server.ts: replies answer meetings, an area
 * above this one).
 */
export function startSmsGateway(log: (message: string) => void, onDeliver: (incoming: IncomingText) => Promise<void>): SmsGateway | null {
  const config = env();
  const mode = smsMode();
  active = mode === 'SMPP' ? new SmppGateway({ url: config.SMS_URL!, onDeliver, log }).start() : mode === 'DEMO' ? devboxGateway : null;
  return active;
}

/** What /settings says about SMS: the mode, the gateway's host (never the password) and, here, whether it is bound. */
export function smsStatus(): { mode: SmsMode; host: string | null; bound: boolean | null } {
  const mode = smsMode();
  const url = env().SMS_URL;
  const host = url ? parseSmsUrl(url).address.replace(/^s?smpp:\/\//, '') : null;
  return { mode, host, bound: active instanceof SmppGateway ? active.isBound : null };
}
