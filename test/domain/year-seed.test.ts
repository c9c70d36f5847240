import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { seedYear, YearAlreadySeededError, type YearSummary } from '../../src/db/seed/year.ts';
import { createDemoTestDb } from '../support/db.ts';

// The year seed (issue 18, item 1) on the demo size: the same code as `--size=municipality --activity=year`, on
// ~440 pupils. Its rows must be ones the application could have written.

const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const started = performance.now();
const summary: YearSummary = await seedYear(db, { today: TODAY });
const seconds = (performance.now() - started) / 1000;

const one = async <T>(query: string): Promise<T> => (await sql.raw<{ v: T }>(query).execute(db)).rows[0]!.v;
const count = (query: string) => one<number>(`select count(*)::int as v from (${query}) q`);

const pupils = await count('select 1 from enrolment where ends_on is null');
// School days of Demo kommune from the start (17 Aug) to yesterday: 15 weeks, minus høstferie, 2 days this week.
const schoolDays =
  await one<number>(`select count(*)::int as v from generate_series(date '2026-08-17', date '2026-11-24',
  interval '1 day') d where extract(isodow from d) < 6 and not exists (select 1 from school_calendar_day c
  join municipality m on m.id = c.municipality_id where m.name = 'Demo kommune' and c.date = d::date)`);

test('the year seed is quick and its volumes are in proportion to the pupils and the days', () => {
  console.log(
    `year seed on the demo size: ${seconds.toFixed(1)} s, ${pupils} pupils, ${schoolDays} school days`,
    summary,
  );
  assert.equal(schoolDays, 67);
  const perPupil = (n: number) => n / pupils;
  const dayRows = summary.attendance; // day and lesson registers
  assert.ok(dayRows > pupils * schoolDays, 'a day register for everyone, and lesson registers on top');
  assert.ok(perPupil(summary.absence_report) > 1 && perPupil(summary.absence_report) < 4, 'absence reports');
  assert.ok(perPupil(summary.message_thread) > 3 && perPupil(summary.message_thread) < 8, 'threads');
  const messagesPerThread = summary.message / summary.message_thread;
  assert.ok(messagesPerThread > 3 && messagesPerThread < 5, `messages per thread ${messagesPerThread}`);
  assert.ok(summary.outbox > summary.message && summary.outbox < 3 * summary.message, 'outbox');
  assert.equal(summary.delivery, 2 * summary.outbox, 'one delivery per channel');
  assert.ok(summary.audit_log >= summary.message + summary.message_thread + summary.absence_report, 'audit');
  assert.ok(summary.application > 0 && summary.application === summary.leave_application, 'leave applications');
  assert.ok(summary.absence_follow_up > 0 && summary.consent_answer > 0 && summary.general_consent > 0);
});

test('every enrolled pupil has a day register for every school day so far, and only for 8.–10. lessons', async () => {
  assert.equal(await count('select 1 from attendance where lesson_id is null'), pupils * schoolDays);
  assert.equal(
    await count(`select 1 from attendance a join enrolment e on e.pupil_id = a.pupil_id and e.ends_on is null
      join class c on c.id = e.class_id where a.lesson_id is not null and c.trinn < 8`),
    0,
  );
  assert.ok((await count('select 1 from attendance where lesson_id is not null')) > 0);
  // A lesson register only on the lesson's weekday, for a lesson of the pupil's class or teaching group.
  assert.equal(
    await count(`select 1 from attendance a join lesson l on l.id = a.lesson_id
      join enrolment e on e.pupil_id = a.pupil_id and e.ends_on is null
      where extract(isodow from a.date) <> l.weekday or not (l.class_id = e.class_id or exists (select 1
        from teaching_group_member m where m.teaching_group_id = l.teaching_group_id and m.pupil_id = a.pupil_id))`),
    0,
  );
});

const notSchoolDay = (column: string, schoolColumn: string) => `(extract(isodow from ${column}) > 5 or exists (
  select 1 from school s join school_calendar_day c on c.municipality_id = s.municipality_id
  where s.id = ${schoolColumn} and c.date = ${column}) or ${column} < date '2026-08-17')`;

test('no registration, report or leave on a weekend or a holiday, and nothing registered from today on', async () => {
  assert.equal(await count(`select 1 from attendance a where ${notSchoolDay('a.date', 'a.school_id')}`), 0);
  assert.equal(await count(`select 1 from attendance where date >= date '${TODAY}'`), 0);
  assert.equal(
    await count(`select 1 from absence_report r where ${notSchoolDay('r.from_date', 'r.school_id')}
      or ${notSchoolDay('r.to_date', 'r.school_id')}`),
    0,
  );
  assert.equal(
    await count(`select 1 from leave_application l join application a on a.id = l.application_id
      where ${notSchoolDay('l.from_date', 'a.school_id')} or ${notSchoolDay('l.to_date', 'a.school_id')}`),
    0,
  );
  assert.equal(await count(`select 1 from absence_follow_up f where ${notSchoolDay('f.date', 'f.school_id')}`), 0);
});

test('the registers agree with home: reported days are absent; follow-ups only for unreported absence', async () => {
  assert.equal(
    await count(`select 1 from absence_report r join attendance a on a.pupil_id = r.pupil_id and a.lesson_id is null
      and a.date between r.from_date and r.to_date where r.kind = 'days' and r.withdrawn_at is null and a.status <> 'absent'`),
    0,
  );
  assert.equal(
    await count(`select 1 from absence_follow_up f where not exists (select 1 from attendance a
        where a.pupil_id = f.pupil_id and a.date = f.date and a.status = 'absent')
      or exists (select 1 from absence_report r where r.pupil_id = f.pupil_id and r.withdrawn_at is null
        and f.date between r.from_date and r.to_date)`),
    0,
  );
  // One report per pupil at a time (the report form refuses overlaps).
  assert.equal(
    await count(`select 1 from absence_report a join absence_report b on a.pupil_id = b.pupil_id and a.id < b.id
      and a.from_date <= b.to_date and b.from_date <= a.to_date`),
    0,
  );
});

const hasAccess = (guardian: string, pupil: string) => `exists (select 1 from guardian_relation g
  where g.guardian_id = ${guardian} and g.pupil_id = ${pupil} and g.parental_responsibility and not g.blocked
  and not g.contact_person_only)`;

test('threads run between people who may message each other', async () => {
  // Guardians write only in their own child's book, and only with access.
  assert.equal(
    await count(`select 1 from message m join message_thread t on t.id = m.thread_id
      where m.author_capacity = 'guardian' and not ${hasAccess('m.author_id', 't.pupil_id')}`),
    0,
  );
  // The school side: the class's contact teacher, the school's leadership, the SFO's leader, a teacher of the pupil.
  assert.equal(
    await count(`select 1 from message m join message_thread t on t.id = m.thread_id
      join enrolment e on e.pupil_id = t.pupil_id and e.ends_on is null
      where m.author_capacity <> 'guardian' and not case t.kind
        when 'contact_teacher' then m.author_capacity = 'contact_teacher' and exists (select 1 from staff_assignment a
          join staff_membership sm on sm.id = a.staff_membership_id where sm.person_id = m.author_id
          and sm.role = 'contact_teacher' and a.class_id = e.class_id)
        when 'school_office' then m.author_capacity = 'leadership' and exists (select 1 from staff_membership sm
          where sm.person_id = m.author_id and sm.role = 'leadership' and sm.school_id = t.school_id)
        when 'sfo' then m.author_capacity = 'sfo_leader' and exists (select 1 from staff_membership sm
          where sm.person_id = m.author_id and sm.role = 'sfo_leader' and sm.sfo_id = t.sfo_id)
        when 'teacher' then m.author_capacity = 'teacher' and t.started_by = m.author_id and exists (select 1
          from staff_assignment a join staff_membership sm on sm.id = a.staff_membership_id
          join teaching_group_member tm on tm.teaching_group_id = a.teaching_group_id
          where sm.person_id = m.author_id and tm.pupil_id = t.pupil_id)
        else false end`),
    0,
  );
  // The thread's last message is its newest, and messages never come from the future.
  assert.equal(
    await count(`select 1 from message_thread t where t.last_message_id <> (select max(id) from message m
      where m.thread_id = t.id) or t.last_message_at <> (select max(created_at) from message m where m.thread_id = t.id)`),
    0,
  );
  assert.equal(await count(`select 1 from message where created_at >= timestamptz '${TODAY} 00:00+01'`), 0);
});

test('read marks only by participants, never past the last message, never before the reader’s own message', async () => {
  assert.equal(
    await count(`select 1 from message_read r join message_thread t on t.id = r.thread_id
      where not exists (select 1 from message m where m.thread_id = r.thread_id and m.author_id = r.person_id)
        and not ${hasAccess('r.person_id', 't.pupil_id')}`),
    0,
  );
  assert.equal(
    await count(`select 1 from message_read r join message_thread t on t.id = r.thread_id
      where r.last_read_message_id > t.last_message_id
        or r.last_read_message_id < (select coalesce(max(m.id), 0) from message m
          where m.thread_id = r.thread_id and m.author_id = r.person_id)`),
    0,
  );
  assert.ok((await count('select 1 from message_read')) > 0);
});

test('notifications go to the other side only, and each has both channels', async () => {
  assert.equal(
    await count(`select 1 from outbox o join message m on m.id = split_part(o.idempotency_key, ':', 2)::bigint
      where o.event_type = 'message.new' and m.author_id = o.recipient_person_id`),
    0,
  );
  assert.equal(
    await count(`select 1 from outbox o where o.event_type = 'message.new' and (o.idempotency_key <> 'message:'
      || split_part(o.idempotency_key, ':', 2) || ':' || o.recipient_person_id or not exists (select 1 from message m
      where m.id = split_part(o.idempotency_key, ':', 2)::bigint))`),
    0,
  );
  assert.equal(
    await count(
      `select 1 from outbox o left join delivery d on d.outbox_id = o.id group by o.id having count(d.id) <> 2`,
    ),
    0,
  );
});

test('a sub-consent is given only while its parent is given by the same guardian', async () => {
  assert.equal(
    await count(`select 1 from consent_answer a join consent_type t on t.id = a.consent_type_id
      where t.parent_id is not null and a.state = 'given' and not exists (select 1 from consent_answer p where p.pupil_id = a.pupil_id
        and p.guardian_id = a.guardian_id and p.consent_type_id = t.parent_id and p.state = 'given')`),
    0,
  );
  assert.equal(await count(`select 1 from consent_answer a where not ${hasAccess('a.guardian_id', 'a.pupil_id')}`), 0);
});

test('a second run refuses and changes nothing', async () => {
  const before = await count('select 1 from attendance');
  const threads = await count('select 1 from message_thread');
  await assert.rejects(seedYear(db, { today: TODAY }), YearAlreadySeededError);
  assert.equal(await count('select 1 from attendance'), before);
  assert.equal(await count('select 1 from message_thread'), threads);
});

test('the identity sequences continue after the seeded ids', async () => {
  const thread = await db
    .insertInto('message_thread')
    .values({
      pupil_id: (await db.selectFrom('message_thread').select('pupil_id').executeTakeFirstOrThrow()).pupil_id,
      school_id: (await db.selectFrom('school').select('id').executeTakeFirstOrThrow()).id,
      kind: 'school_office',
      subject: 'Ny tråd',
      started_by: null,
      created_at: new Date(),
      last_message_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  assert.ok(thread.id > (await one<number>('select max(id)::int as v from message_thread where id <> ' + thread.id)));
});
