import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { yearStatements } from './year-sql.ts';

/** What `seedYear` wrote, per table (rows added by this run). */
export type YearSummary = Record<(typeof YEAR_TABLES)[number], number>;

export const YEAR_TABLES = [
  'attendance',
  'absence_report',
  'absence_report_lesson',
  'absence_follow_up',
  'application',
  'leave_application',
  'application_confirmation',
  'message_thread',
  'message',
  'message_read',
  'outbox',
  'delivery',
  'audit_log',
  'consent_answer',
  'consent_event',
  'general_consent',
] as const;

/** The year seed runs once: a second run would double the activity (and break the unique keys), so it refuses. */
export class YearAlreadySeededError extends Error {
  constructor() {
    super('The database already has activity (attendance or message threads); the year seed adds it only once.');
  }
}

/**
 * A school year so far on top of a seeded organisation (`seedDatabase`, any size): for every school day of the
 * current school year before `today` a day register for every pupil enrolled then, and a register of every lesson
 * for 8.–10. trinn; home absence reports (the registers agree with them); the follow-ups the job would have made for
 * what stayed unreported; leave applications in every state; message threads with messages and read marks between
 * the pupil's guardians with access and the school side the thread belongs to; outbox and delivery rows for every
 * message and follow-up; audit rows; consents and the general consent. Everything is set-based SQL
 * (`INSERT … SELECT generate_series`, see `year-sql.ts`) in one transaction, deterministic for a given database
 * and `today` (hashes, no random()). Refuses (YearAlreadySeededError, nothing written) when activity exists.
 */
export async function seedYear(
  db: Db,
  options: { today: string; onStep?: (statement: string, ms: number) => void },
): Promise<YearSummary> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new RangeError(`Invalid date: ${options.today}`);
  return db.transaction().execute(async (trx) => {
    await sql`lock table attendance, message_thread in share row exclusive mode`.execute(trx);
    const existing = await sql<{ any: boolean }>`select exists (select 1 from attendance) or exists
      (select 1 from message_thread) as any`.execute(trx);
    if (existing.rows[0]?.any) throw new YearAlreadySeededError();
    const before = await countRows(trx);
    const step = async (statement: string) => {
      const started = performance.now();
      await sql.raw(statement).execute(trx);
      options.onStep?.(statement, performance.now() - started);
    };
    const detached = await detachableKeys(trx);
    for (const { drop } of detached) await step(drop);
    for (const statement of yearStatements(options.today)) await step(statement);
    for (const { create } of detached) await step(create);
    const after = await countRows(trx);
    return Object.fromEntries(YEAR_TABLES.map((t) => [t, after[t] - before[t]])) as YearSummary;
  });
}

/** The big tables the year fills: their secondary indexes and foreign keys are built once after the load. */
const BULK_TABLES = ['attendance', 'outbox', 'delivery', 'message', 'message_read', 'audit_log', 'consent_event'];

/**
 * The foreign keys, unique constraints (none another table's key depends on) and plain indexes of the bulk tables,
 * each as the statement that drops it and the one that makes it again exactly as it was (`pg_get_constraintdef`,
 * `pg_get_indexdef`). Building an index once from sorted rows and checking a foreign key with one join are much
 * cheaper than keeping them row by row; the transaction sees the schema unchanged at its end.
 */
async function detachableKeys(db: Db): Promise<{ drop: string; create: string }[]> {
  const tables = sql.join(BULK_TABLES.map((t) => sql`${t}::regclass`));
  const { rows } = await sql<{ drop: string; create: string }>`
    select format('alter table %s drop constraint %I', c.conrelid::regclass, c.conname) as drop,
      format('alter table %s add constraint %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) as create,
      c.contype as kind
    from pg_constraint c
    where c.conrelid in (${tables}) and c.contype in ('f', 'u')
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid and f.oid <> c.oid)
    union all
    select format('drop index %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), 'i'
    from pg_index i
    where i.indrelid in (${tables}) and not i.indisprimary
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by kind desc, drop`.execute(db);
  return rows;
}

async function countRows(db: Db): Promise<YearSummary> {
  const select = YEAR_TABLES.map((t) => `(select count(*) from ${t})::int as ${t}`).join(', ');
  const { rows } = await sql.raw<YearSummary>(`select ${select}`).execute(db);
  return rows[0]!;
}
