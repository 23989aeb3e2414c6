import { describe, expect, it } from 'vitest';
import { argumentWithNul, withoutNul } from './nul-guard.server';

const text = { scalarType: 'string', arity: 'scalar' } as const;
const json = { scalarType: 'json', arity: 'scalar' } as const;

describe('text with a NUL never reaches the database', () => {
  it('finds a NUL in a text parameter and a \\u0000 escape in a JSON one', () => {
    expect(argumentWithNul({ args: ['ok', 'a\u0000b'], argTypes: [text, text] })).toBe(2);
    expect(argumentWithNul({ args: [JSON.stringify({ note: 'x\u0000' })], argTypes: [json] })).toBe(1);
    expect(argumentWithNul({ args: ['plain', 3, null], argTypes: [text, text, text] })).toBeNull();
    // A backslash typed before "u0000" is text, not a NUL.
    expect(argumentWithNul({ args: [JSON.stringify({ note: '\\u0000' })], argTypes: [json] })).toBeNull();
  });

  it('removes NULs from text that comes from outside', () => {
    expect(withoutNul('ja\u0000\u0000')).toBe('ja');
  });
});
