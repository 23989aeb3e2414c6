import { parse, type Intent, type Submission, type SubmissionResult } from '@conform-to/dom';
import type { $ZodErrorMap, $ZodType, input, output } from 'zod/v4/core';
import { parseWithZod as parseWithZodOnly } from '@conform-to/zod/v4';
import { errorMessage } from './form-errors';

/**
 * Every form is parsed here: the same `parseWithZod` as @conform-to/zod/v4 (routes import it
 * from this module instead), with two rules for all forms in one place:
 *
 * - Control characters are refused with a message next to the field: NUL and the other C0
 *   characters and DEL, except tab, line feed and carriage return (free text keeps them). A NUL
 *   would otherwise reach the database (PostgreSQL cannot store U+0000) and give a 500.
 * - A 400 echoes what the user typed, but each value at most as long as its field allows (the
 *   zod schema's `max`), so a 10 MB note is not sent back.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Echo cap for a value whose field sets no length (numbers, unknown names). */
export const DEFAULT_ECHO_LENGTH = 2000;
const NUMBER_ECHO_LENGTH = 40;

/**
 * A plain field of a posted form: an id or an intent ('' when missing, a file, or holding a
 * control character, which no id or intent has — so a NUL never reaches a write's WHERE).
 */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' && !hasControlCharacters(value) ? value : '';
}

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** The names of the fields whose values (or names) hold a refused control character. */
export function controlCharacterFields(payload: FormData | URLSearchParams): string[] {
  const names = new Set<string>();
  for (const [name, value] of payload.entries()) {
    if (hasControlCharacters(name)) names.add('');
    else if (typeof value === 'string' && hasControlCharacters(value)) names.add(name);
  }
  return [...names];
}

type AnySchema = { _zod?: { def?: Record<string, unknown>; bag?: Record<string, unknown> } };

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 20; depth += 1) {
    const def = current._zod?.def as { type?: string; innerType?: AnySchema; in?: AnySchema; out?: AnySchema } | undefined;
    if (!def) return current;
    if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(def.type ?? '')) {
      current = def.innerType;
    } else if (def.type === 'pipe') {
      const input = def.in?._zod?.def as { type?: string } | undefined;
      current = input?.type === 'transform' ? def.out : def.in;
    } else {
      return current;
    }
  }
  return current;
}

function child(schema: AnySchema | undefined, key: string | number): AnySchema | undefined {
  const inner = unwrap(schema);
  const def = inner?._zod?.def as { type?: string; shape?: Record<string, AnySchema>; element?: AnySchema } | undefined;
  if (def?.type === 'object') return typeof key === 'string' ? def.shape?.[key] : undefined;
  if (def?.type === 'array') return def.element;
  return undefined;
}

function echoLength(schema: AnySchema | undefined): number {
  const inner = unwrap(schema);
  const def = inner?._zod?.def as { type?: string; entries?: Record<string, unknown>; values?: unknown[] } | undefined;
  if (def?.type === 'string') {
    const maximum = (inner as { maxLength?: number | null }).maxLength;
    return typeof maximum === 'number' ? maximum : DEFAULT_ECHO_LENGTH;
  }
  if (def?.type === 'enum' && def.entries) return Math.max(...Object.values(def.entries).map((value) => String(value).length));
  if (def?.type === 'literal' && def.values) return Math.max(...def.values.map((value) => String(value).length));
  if (def?.type === 'number' || def?.type === 'int' || def?.type === 'boolean') return NUMBER_ECHO_LENGTH;
  return DEFAULT_ECHO_LENGTH;
}

/** Each echoed value cut to its field's allowed length. */
export function capEcho(value: unknown, schema: AnySchema | undefined): unknown {
  if (typeof value === 'string') return value.length > echoLength(schema) ? value.slice(0, echoLength(schema)) : value;
  if (Array.isArray(value)) {
    // An array field of strings (checkboxes) or of rows: each item follows the element's rule.
    const element = unwrap(schema)?._zod?.def?.type === 'array' ? child(schema, 0) : schema;
    return value.slice(0, 1000).map((item) => capEcho(item, element));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, capEcho(item, child(schema, key))]));
  }
  return value;
}

function withCappedReply<S extends Submission<unknown, string[], unknown>>(submission: S, schema: AnySchema | undefined): S {
  const reply = submission.reply.bind(submission) as (options?: unknown) => SubmissionResult<string[]>;
  return Object.assign(submission, {
    reply(options?: unknown) {
      const result = reply(options);
      if (result.initialValue) result.initialValue = capEcho(result.initialValue, schema) as typeof result.initialValue;
      return result;
    },
  });
}

export function parseWithZod<Schema extends $ZodType>(
  payload: FormData | URLSearchParams,
  options: { schema: Schema | ((intent: Intent | null) => Schema); error?: $ZodErrorMap; disableAutoCoercion?: boolean },
): Submission<input<Schema>, string[], output<Schema>> {
  const refused = controlCharacterFields(payload);
  const schema = (typeof options.schema === 'function' ? undefined : options.schema) as AnySchema | undefined;
  if (refused.length > 0) {
    const message = errorMessage('input.controlCharacters');
    const submission = parse(payload, {
      resolve: () => ({ error: Object.fromEntries(refused.map((name) => [name, [message]])) }),
    }) as Submission<input<Schema>, string[], output<Schema>>;
    return withCappedReply(submission, schema);
  }
  return withCappedReply(parseWithZodOnly(payload, options), schema);
}
