/** What a participant's text means, read as people answer: any case, with or without a full stop. */
export type ReplyMeaning = 'STOP' | 'START' | 'YES' | 'NO' | 'OTHER';

const MEANINGS: Record<string, ReplyMeaning> = {
  STOP: 'STOP',
  STOPP: 'STOP',
  START: 'START',
  JA: 'YES',
  YES: 'YES',
  '1': 'YES',
  NEI: 'NO',
  NO: 'NO',
  '2': 'NO',
};

/** Only a whole answer counts: "Nei, men kan vi ta fredag?" is for a person to read. */
export function interpretReply(text: string): ReplyMeaning {
  const word = text
    .normalize('NFC')
    .trim()
    .replace(/[.!?,]+$/u, '')
    .trim()
    .toLocaleUpperCase('nb');
  return MEANINGS[word] ?? 'OTHER';
}

export interface DeliveryReceipt {
  messageId: string;
  /** DELIVRD, UNDELIV, EXPIRED, REJECTD, ACCEPTD, DELETED, UNKNOWN */
  stat: string;
}

/**
 * The receipt text SMSCs send in deliver_sm (SMPP 3.4 appendix B):
 * "id:123 sub:001 dlvrd:001 submit date:2612011200 done date:2612011201 stat:DELIVRD err:000 text:…".
 */
export function parseDeliveryReceipt(text: string): DeliveryReceipt | null {
  const id = /(?:^|\s)id:(\S+)/i.exec(text)?.[1];
  const stat = /(?:^|\s)stat:(\w+)/i.exec(text)?.[1];
  return id && stat ? { messageId: id, stat: stat.toUpperCase() } : null;
}

/** Whether the receipt's state means the text reached the phone. */
export function receiptDelivered(stat: string): boolean {
  return stat === 'DELIVRD';
}
