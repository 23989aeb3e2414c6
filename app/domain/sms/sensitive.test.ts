import { describe, expect, it } from 'vitest';
import { mentionsSensitiveTopic } from './sensitive';

describe('mentionsSensitiveTopic', () => {
  it('finds health and criminal-justice words in either language', () => {
    for (const text of [
      'Husk timen hos legen',
      'Vi ses etter NAV',
      'Fengselsbesøket',
      'Friomsorgen ringte',
      'see you after probation',
      'Your therapy',
    ]) {
      expect(mentionsSensitiveTopic(text), text).toBe(true);
    }
  });

  it('lets ordinary texts through', () => {
    for (const text of ['Vi ses på kafeen kl. 17', 'Navnet på stedet er Domino', 'Ruster du sykkelen?', 'Hei! Jeg er på plass.']) {
      expect(mentionsSensitiveTopic(text), text).toBe(false);
    }
  });
});
