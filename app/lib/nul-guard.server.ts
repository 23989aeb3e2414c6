/**
 * No text reaches the database with a NUL (U+0000). PostgreSQL refuses it in text and in jsonb
 * (`\u0000` in JSON) with an error; SQLite stores it and truncates it in some functions. Forms
 * refuse control characters next to their field (form-submission.server.ts) and URLs with them
 * are answered 400 (http-app.server.ts); this guard sits below Prisma, in the driver adapter,
 * so that a path that skipped those (a gateway's text, a job, an import) fails the same way on
 * both databases, with an error that names the parameter, never its value (it may be personal).
 * Only writes are checked (INSERT, UPDATE, DELETE, also with RETURNING): a read with a NUL (an id
 * from a crafted URL that skipped the HTTP check) finds nothing on SQLite and answers 404. On
 * PostgreSQL such a read is an error too, so there (`readsWithNul: 'match-nothing'`) a read's NUL
 * is replaced by U+FFFF, a noncharacter no stored text holds: the read finds nothing, as on
 * SQLite, and a count over it is 0.
 * Boundaries that take text from outside (the SMS gateway) remove NULs before it gets here.
 */
import type { SqlDriverAdapter, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

/** A JSON escape for U+0000 that is not itself an escaped backslash followed by "u0000". */
const JSON_NUL_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u0000/;

export class NulInTextError extends Error {
  constructor(readonly parameter: number) {
    super(`Parameter ${parameter} of a database statement holds a NUL character (U+0000); text is refused before it reaches the database`);
    this.name = 'NulInTextError';
  }
}

/** The 1-based position of the first argument that holds a NUL, or null. */
export function argumentWithNul(query: Pick<SqlQuery, 'args' | 'argTypes'>): number | null {
  for (const [index, arg] of query.args.entries()) {
    if (typeof arg !== 'string') continue;
    if (arg.includes('\u0000')) return index + 1;
    if (query.argTypes[index]?.scalarType === 'json' && JSON_NUL_ESCAPE.test(arg)) return index + 1;
  }
  return null;
}

/** Removes NULs from text that comes from outside (a gateway, a file), where refusing it would lose a message. */
export function withoutNul(text: string): string {
  return text.replaceAll('\u0000', '');
}

/** A plain read: it stores nothing, and on SQLite a NUL in its parameters simply matches no row. */
const READ = /^\s*SELECT\b/i;

export interface NulGuardOptions {
  /**
   * What a read with a NUL in a parameter gets: 'pass' sends it as it is (SQLite matches no row),
   * 'match-nothing' sends U+FFFF instead (PostgreSQL would refuse the NUL with an error).
   */
  readsWithNul?: 'pass' | 'match-nothing';
}

/** A read's arguments with every NUL in text replaced by U+FFFF, which matches no stored text. */
function matchingNothing(query: SqlQuery): SqlQuery {
  if (argumentWithNul(query) === null) return query;
  return { ...query, args: query.args.map((arg) => (typeof arg === 'string' ? arg.replaceAll('\u0000', '\uffff') : arg)) };
}

function refusing<R>(run: (query: SqlQuery) => Promise<R>, options: NulGuardOptions): (query: SqlQuery) => Promise<R> {
  return (query) => {
    if (READ.test(query.sql)) return run(options.readsWithNul === 'match-nothing' ? matchingNothing(query) : query);
    const parameter = argumentWithNul(query);
    return parameter === null ? run(query) : Promise.reject(new NulInTextError(parameter));
  };
}

function guarded<T extends Pick<Transaction, 'queryRaw' | 'executeRaw'>>(queryable: T, options: NulGuardOptions): T {
  queryable.queryRaw = refusing(queryable.queryRaw.bind(queryable), options);
  queryable.executeRaw = refusing(queryable.executeRaw.bind(queryable), options);
  return queryable;
}

/** The connected adapter (and every transaction it starts) refusing statements with a NUL in their text. */
export function refuseNulText(adapter: SqlDriverAdapter, options: NulGuardOptions = {}): SqlDriverAdapter {
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => guarded(await startTransaction(isolationLevel), options);
  return guarded(adapter, options);
}
