import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_ECHO_LENGTH, parseWithZod } from '~/lib/form-submission.server';
import { logSchema, meetingDraftSchema } from './forms';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe('one parse for every form', () => {
  it('refuses NUL and other control characters next to their field, keeping tab and newlines in free text', () => {
    for (const bad of ['\u0000', 'a\u0007b', '\u001b[31m', 'x\u007f']) {
      const submission = parseWithZod(form({ intent: 'log', outcome: 'HELD', rating: '4', durationMinutes: '60', note: bad }), {
        schema: logSchema,
      });
      expect(submission.status).toBe('error');
      expect(submission.reply().error).toEqual({ note: ['input.controlCharacters'] });
    }
    const fine = parseWithZod(
      form({ intent: 'log', outcome: 'HELD', rating: '4', durationMinutes: '60', note: 'linje 1\r\nlinje\t2 – æøå 😀' }),
      { schema: logSchema },
    );
    expect(fine.status).toBe('success');
  });

  it('echoes each value at most as long as its field allows', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const submission = parseWithZod(form({ intent: 'log', outcome: 'NOPE', note: huge, activity: huge, rating: huge, unknown: huge }), {
      schema: logSchema,
    });
    const echoed = submission.reply().initialValue as Record<string, string>;
    expect(echoed.note).toHaveLength(500);
    expect(echoed.activity).toHaveLength(300);
    expect(echoed.rating?.length).toBeLessThanOrEqual(40);
    expect(echoed.outcome).toBe('NOPE');
    expect(echoed.unknown).toHaveLength(DEFAULT_ECHO_LENGTH);
    expect(JSON.stringify(submission.reply()).length).toBeLessThan(10_000);
  });

  it('caps rows of an array field by the row schema, and a refused submission too', () => {
    const schema = z.object({ meetings: z.array(meetingDraftSchema('2026-01-10', new Date('2026-11-22T12:00:00Z'))) });
    const long = 'p'.repeat(5000);
    const submission = parseWithZod(form({ 'meetings[0].place': long, 'meetings[0].date': 'x' }), { schema });
    const rows = (submission.reply().initialValue as { meetings: { place: string }[] }).meetings;
    expect(rows[0]?.place).toHaveLength(120);
    const refused = parseWithZod(form({ 'meetings[0].place': `${long}\u0000` }), { schema });
    expect(refused.reply().error).toEqual({ 'meetings[0].place': ['input.controlCharacters'] });
    expect((refused.reply().initialValue as { meetings: { place: string }[] }).meetings[0]?.place).toHaveLength(120);
  });
});
