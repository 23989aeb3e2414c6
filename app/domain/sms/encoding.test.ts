import { describe, expect, it } from 'vitest';
import { planSms } from './encoding';

describe('planSms', () => {
  it('sends plain text as GSM-7, 160 characters in one SMS', () => {
    expect(planSms('Hei! Svar JA eller NEI.')).toMatchObject({ encoding: 'GSM7', units: 23, segments: 1 });
    expect(planSms('a'.repeat(160))).toMatchObject({ encoding: 'GSM7', segments: 1 });
    expect(planSms('a'.repeat(161))).toMatchObject({ encoding: 'GSM7', segments: 2 });
    expect(planSms('a'.repeat(306)).segments).toBe(2);
    expect(planSms('a'.repeat(307)).segments).toBe(3);
  });

  it('counts GSM extension characters twice and never splits one', () => {
    expect(planSms('€').units).toBe(2);
    const plan = planSms(`${'a'.repeat(152)}€${'b'.repeat(10)}`);
    expect(plan.encoding).toBe('GSM7');
    expect(plan.parts[0]).toBe('a'.repeat(152));
    expect(plan.parts[1]).toBe(`€${'b'.repeat(10)}`);
  });

  it('forces UCS-2 for æ, ø and å in any case', () => {
    for (const letter of ['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']) {
      expect(planSms(`Hei ${letter}`).encoding, letter).toBe('UCS2');
    }
    expect(planSms('Møte i morgen')).toMatchObject({ encoding: 'UCS2', units: 13, segments: 1 });
    expect(planSms('ø'.repeat(70)).segments).toBe(1);
    expect(planSms('ø'.repeat(71)).segments).toBe(2);
    expect(planSms('ø'.repeat(134)).segments).toBe(2);
    expect(planSms('ø'.repeat(135)).segments).toBe(3);
  });

  it('sends characters outside GSM-7 as UCS-2 and keeps surrogate pairs whole', () => {
    expect(planSms('Hei 🙂')).toMatchObject({ encoding: 'UCS2', units: 6 });
    const plan = planSms(`${'x'.repeat(66)}🙂y`.repeat(2));
    expect(plan.parts.join('')).toBe(`${'x'.repeat(66)}🙂y`.repeat(2));
    for (const part of plan.parts) expect(part.length).toBeLessThanOrEqual(67);
  });

  it('has no segments for an empty text', () => {
    expect(planSms('')).toMatchObject({ segments: 0, parts: [] });
  });
});
