import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** The variables env.server.ts validates: the keys of its zod object, one a line. */
function variablesRead(): string[] {
  return [...read('app/lib/env.server.ts').matchAll(/^ {4}([A-Z][A-Z0-9_]*):/gm)].flatMap((match) => (match[1] ? [match[1]] : []));
}

/** The variables .env.example names, set (`NAME=`) or shown commented out (`# NAME=`). */
function variablesListed(): { name: string; commented: boolean; described: boolean }[] {
  const lines = read('.env.example').split('\n');
  return lines.flatMap((line, index) => {
    const match = /^(#\s*)?([A-Z][A-Z0-9_]*)=/.exec(line);
    const name = match?.[2];
    if (!match || !name) return [];
    // A short comment right above it (over a run of variables, the run's comment counts).
    let above = index - 1;
    while (above >= 0 && /^(#\s*)?[A-Z][A-Z0-9_]*=/.test(lines[above] ?? '')) above -= 1;
    return [{ name, commented: Boolean(match[1]), described: (lines[above] ?? '').startsWith('# ') }];
  });
}

describe('.env.example', () => {
  it('lists exactly the variables env.server.ts reads', () => {
    const names = variablesRead();
    expect(names.length).toBeGreaterThan(10);
    expect(
      variablesListed()
        .map((variable) => variable.name)
        .sort(),
    ).toEqual([...names].sort());
  });

  it('says what each one is for', () => {
    expect(variablesListed().filter((variable) => !variable.described)).toEqual([]);
  });

  it('reads no variable in env.server.ts beside its schema', () => {
    expect(read('app/lib/env.server.ts')).not.toMatch(/process\.env\.[A-Z]/);
  });
});
