import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { seedYear } from '../../src/db/seed/year.ts';
import { runAbsenceFollowUp, unreportedAbsenceQuery } from '../../src/domain/absence/follow-up.ts';
import { planDeliveries } from '../../src/domain/delivery/plan.ts';
import { deleteExpiredLoginRequests } from '../../src/domain/identity/login.ts';
import { deleteExpiredSessions } from '../../src/domain/identity/sessions.ts';
import { createDemoTestDb } from '../support/db.ts';

// Issue 18, item 8: the scheduled jobs read what is new, not the whole table. The plans are checked on the demo
// seed with a school year of activity (`seedYear`: ~65 000 registrations, ~5 000 outbox rows) plus today's day
// register, with fresh statistics, so the planner chooses as it would on a municipality's data.

const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
await seedYear(db, { today: TODAY });
// Today's day register: everyone, 3 % absent (as the school would have registered by 10:00).
await sql`insert into attendance (pupil_id, school_id, date, lesson_id, status, registered_by)
  select e.pupil_id, e.school_id, ${TODAY}::date, null,
    case when e.pupil_id % 33 = 0 then 'absent' else 'present' end, e.pupil_id
  from enrolment e where e.ends_on is null`.execute(db);
// Sessions and login requests as at 10:00 on a school day: 20 000 in use (active within the last 100 minutes), and
// the 50 the housekeeping is for (idle for hours, or past their absolute expiry; login requests older than 15 min).
const person = (await db.selectFrom('person').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
await sql`insert into session (id, secret_hash, person_id, provider, issuer, created_at, last_active_at, expires_at)
  select 's' || i, '\\x00'::bytea, ${person}, 'idporten', 'https://idp.example/', t - interval '1 hour', t,
    t + interval '11 hours'
  from generate_series(1, 20050) i
  cross join lateral (select case when i <= 20000 then timestamptz '2026-11-25 10:00Z' - i * interval '300 ms'
    else timestamptz '2026-11-24 10:00Z' end as t) x`.execute(db);
await sql`insert into login_request (id, provider, state, nonce, code_verifier, created_at)
  select 'l' || i, 'feide', 's', 'n', 'v', case when i <= 20000
    then timestamptz '2026-11-25 10:00Z' - i * interval '40 ms' else timestamptz '2026-11-25 08:00Z' end
  from generate_series(1, 20050) i`.execute(db);
await sql`analyze`.execute(db);

const NOW = new Date('2026-11-25T10:30:00Z'); // 11:30 in Oslo: past the follow-up time

/** EXPLAIN of a compiled query, as one string. */
async function explain(query: CompiledQuery): Promise<string> {
  const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
  );
  return result.rows.map((r) => r['QUERY PLAN']).join('\n');
}

/** Runs `job` on a database that records its statements, and returns the plan of each data statement. */
async function plansOf(job: (db: Db) => Promise<unknown>): Promise<string[]> {
  const nodes: RootOperationNode[] = [];
  const recorder: KyselyPlugin = {
    transformQuery: ({ node }) => {
      nodes.push(node);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  await job(db.withPlugin(recorder));
  const plans: string[] = [];
  for (const node of nodes) {
    if (!['SelectQueryNode', 'InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode'].includes(node.kind)) continue;
    plans.push(await explain(db.getExecutor().compileQuery(node, { queryId: `plan-${plans.length}` })));
  }
  return plans;
}

const seqScansOn = (plans: string[], table: string) =>
  plans.filter((plan) => new RegExp(`Seq Scan on ${table}\\b`).test(plan));

test('the follow-up reads today’s absences through the partial index, not every registration', async () => {
  const count = await db
    .selectFrom('attendance')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.ok(count.n > 50_000, `a year of registrations to choose from (${count.n})`);
  const municipalities = await db.selectFrom('municipality').select('id').execute();
  for (const { id } of municipalities) {
    const plan = await explain(unreportedAbsenceQuery(db, id, TODAY).compile());
    assert.doesNotMatch(plan, /Seq Scan on attendance\b/, plan);
    assert.match(
      plan,
      /Index (Only )?Scan using attendance_absent_date_idx on attendance|attendance_absent_date_idx/,
      plan,
    );
  }
});

test('the whole follow-up run scans no activity table, and finds today’s unreported absences', async () => {
  let counts: Awaited<ReturnType<typeof runAbsenceFollowUp>> | undefined;
  const plans = await plansOf(async (recording) => {
    counts = await runAbsenceFollowUp(recording, NOW);
  });
  assert.ok(counts && counts.followUps > 0, `today's absent pupils were followed up (${JSON.stringify(counts)})`);
  // (application and leave_application are a few dozen rows in the demo: read whole, rightly; on the municipality's
  // year leave_application_granted_idx serves the leave check, see docs/PERFORMANCE.md)
  for (const table of ['attendance', 'absence_report', 'outbox'])
    assert.deepEqual(seqScansOn(plans, table), [], `no Seq Scan on ${table}`);
  assert.ok(
    plans.some((p) => p.includes('attendance_absent_date_idx')),
    plans.join('\n\n'),
  );
});

test('without the index the plan changes, so the tests above fail when it is dropped', async () => {
  await db
    .transaction()
    .execute(async (trx) => {
      await sql`drop index attendance_absent_date_idx`.execute(trx);
      const compiled = unreportedAbsenceQuery(trx, 1, TODAY).compile();
      const { rows } = await trx.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
      );
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      assert.doesNotMatch(plan, /attendance_absent_date_idx/);
      throw new Rollback(plan);
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
      console.log(`plan without attendance_absent_date_idx:\n${error.message}`);
    });
  const still = await sql<{ n: number }>`select count(*)::int as n from pg_indexes
    where indexname = 'attendance_absent_date_idx'`.execute(db);
  assert.equal(still.rows[0]?.n, 1, 'the index is back after the rollback');
});

class Rollback extends Error {}

test('session housekeeping finds expired sessions by index', async () => {
  const plans = await plansOf((recording) =>
    deleteExpiredSessions(recording, { idleMs: 2 * 3600_000, maxMs: 12 * 3600_000 }, new Date('2026-11-25T10:00Z')),
  );
  assert.equal(plans.length, 2, 'sessions, then remembered devices ("Husk meg")');
  assert.deepEqual(seqScansOn(plans, 'session'), [], plans[0]);
  assert.match(plans[0]!, /session_expires_idx|session_last_active_idx/);
});

test('login-request expiry finds old requests by index', async () => {
  const plans = await plansOf((recording) => deleteExpiredLoginRequests(recording, new Date('2026-11-25T10:00Z')));
  assert.deepEqual(seqScansOn(plans, 'login_request'), [], plans.join('\n'));
});

test('delivery planning reads only unplanned outbox rows', async () => {
  await sql`update outbox set planned_at = null where id in (select id from outbox order by id desc limit 5)`.execute(
    db,
  );
  const plans = await plansOf((recording) => planDeliveries(recording, { sms: true, email: true }, NOW));
  assert.ok(plans.length > 0);
  for (const table of ['outbox', 'delivery', 'message', 'attendance'])
    assert.deepEqual(seqScansOn(plans, table), [], `no Seq Scan on ${table}:\n${seqScansOn(plans, table).join('\n')}`);
  assert.ok(
    plans.some((p) => p.includes('outbox_unplanned_idx')),
    plans.join('\n\n'),
  );
});
