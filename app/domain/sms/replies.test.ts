import { describe, expect, it } from 'vitest';
import { interpretReply, parseDeliveryReceipt } from './replies';

describe('interpretReply', () => {
  it('reads STOP/STOPP and START in any case', () => {
    for (const text of ['STOP', 'stop', 'Stopp', ' stopp. ', 'STOPP!']) expect(interpretReply(text), text).toBe('STOP');
    expect(interpretReply('start')).toBe('START');
  });

  it('reads yes and no, in words or the numbers of the reminder', () => {
    for (const text of ['JA', 'ja', 'Ja!', '1', 'yes']) expect(interpretReply(text), text).toBe('YES');
    for (const text of ['NEI', 'nei.', '2', 'No']) expect(interpretReply(text), text).toBe('NO');
  });

  it('leaves anything longer for a person', () => {
    for (const text of ['Nei, men kan vi ta fredag?', 'ja takk', 'stop it', '3', '']) expect(interpretReply(text), text).toBe('OTHER');
  });
});

describe('parseDeliveryReceipt', () => {
  it('reads the id and state of a standard receipt', () => {
    expect(
      parseDeliveryReceipt('id:abc123 sub:001 dlvrd:001 submit date:2612011200 done date:2612011201 stat:DELIVRD err:000 text:Hei'),
    ).toEqual({
      messageId: 'abc123',
      stat: 'DELIVRD',
    });
    expect(parseDeliveryReceipt('id:7 stat:undeliv')).toEqual({ messageId: '7', stat: 'UNDELIV' });
  });

  it('answers null for a text that is not a receipt', () => {
    expect(parseDeliveryReceipt('JA')).toBeNull();
  });
});
