/**
 * Raw SQL with checked rows (docs/decisions/011-raw-sql.md). A raw statement's rows are parsed
 * with a zod schema, so their type is what was checked, not what was asserted. The column types
 * below turn what the drivers return into one JavaScript type, once: SQLite gives a computed
 * integer (COUNT, SUM, a comparison) as a bigint, a date that went through an expression (MAX)
 * as its stored text, a boolean expression as 0/1; PostgreSQL gives numeric sums as decimals.
 */
import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import type { Tx } from './db.server';

const decimal = z.instanceof(Prisma.Decimal).transform((value) => value.toNumber());

/** A number: an integer column, a COUNT or SUM (bigint), a decimal. */
export const sqlNumber = z
  .union([z.number(), z.bigint().transform(Number), decimal])
  .pipe(z.number().refine(Number.isFinite, 'not a finite number'));

/** An aggregate that is NULL over no rows (SUM, MAX of numbers) read as 0. */
export const sqlCount = z.union([sqlNumber, z.null().transform(() => 0)]);

/** An instant: a DateTime column (Date), or the stored text or milliseconds an expression returns. */
export const sqlDate = z
  .union([z.date(), z.string(), z.number()])
  .transform((value) => (value instanceof Date ? value : new Date(value)))
  .pipe(z.date({ error: 'not a valid date' }));

/** A boolean column, or a comparison's 0/1 (a number or a bigint). */
export const sqlBoolean = z.union([
  z.boolean(),
  z.union([z.literal(0), z.literal(1), z.literal(0n), z.literal(1n)]).transform((value) => Number(value) === 1),
]);

/** A JSON column read as text (`CAST(… AS TEXT)`, the same on both databases) or already decoded. */
export function sqlJson<T extends z.ZodType>(value: T) {
  return z
    .union([
      z.string().transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'not JSON text' });
          return z.NEVER;
        }
      }),
      z.unknown(),
    ])
    .pipe(value);
}

/** What runs a raw statement: the client or an interactive transaction. */
type Queryable = Pick<Tx, '$queryRaw'>;

/** A statement for an error message: its text with placeholders, never the values (they may be personal). */
function statementText(query: Prisma.Sql): string {
  const text = query.sql.replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** A raw statement's row that does not fit its schema: which statement, which row, which columns. */
export class SqlRowError extends Error {
  constructor(query: Prisma.Sql, rowNumber: number, error: z.ZodError) {
    super(`Row ${rowNumber} of the statement "${statementText(query)}" does not fit its schema:\n${z.prettifyError(error)}`);
    this.name = 'SqlRowError';
  }
}

/** Runs a raw statement and parses each of its rows with `row`. */
export async function queryRows<T extends z.ZodType>(db: Queryable, row: T, query: Prisma.Sql): Promise<z.output<T>[]> {
  const rows = await db.$queryRaw<unknown[]>(query);
  return rows.map((value, index) => {
    const parsed = row.safeParse(value);
    if (!parsed.success) throw new SqlRowError(query, index + 1, parsed.error);
    return parsed.data;
  });
}

/** The first row of a raw statement, parsed with `row`, or null when it returns none. */
export async function queryFirst<T extends z.ZodType>(db: Queryable, row: T, query: Prisma.Sql): Promise<z.output<T> | null> {
  const [first] = await queryRows(db, row, query);
  return first ?? null;
}

/** The one row of a statement that always returns one (an aggregate without GROUP BY). */
export async function queryOne<T extends z.ZodType>(db: Queryable, row: T, query: Prisma.Sql): Promise<z.output<T>> {
  const first = await queryFirst(db, row, query);
  if (first === null) throw new Error(`The statement "${statementText(query)}" returned no row`);
  return first;
}
