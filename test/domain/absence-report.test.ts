import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadActor } from '../../src/domain/access/actor.ts';
import { loadPupilFacts } from '../../src/domain/access/pupil-facts.ts';
import { markAbsenceDocumented } from '../../src/domain/absence/documented.ts';
import { loadChildAbsence } from '../../src/domain/absence/overview.ts';
import { reportAbsence } from '../../src/domain/absence/report.ts';
import {
  parseAbsenceReport,
  parseReportDate,
  type ReportInput,
  type ReportValues,
} from '../../src/domain/absence/report-form.ts';
import { dayLessons } from '../../src/domain/absence/report-checks.ts';
import { withdrawAbsenceReport } from '../../src/domain/absence/withdraw.ts';
import { ForbiddenError, NotFoundError } from '../../src/domain/errors.ts';
import { requireGuardianChild } from '../../src/domain/guardian/child.ts';
import { createDemoTestDb } from '../support/db.ts';
import { insertStaff, loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25'; // a Wednesday; Juleferie 21.12.2026–01.01.2027
const NOW = new Date('2026-11-25T08:00:00+01:00');
const db = await createDemoTestDb(TODAY);
const kari = (await loadActor(db, await loginPersonId(db, 'guardian'), 'idporten', TODAY))!;
const ola = (await loadActor(db, await loginPersonId(db, 'guardian-private'), 'idporten', TODAY))!;
const childNamed = async (actor: typeof kari, given: string) => {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('given_name', '=', given)
    .where('id', 'in', actor.guardianOf)
    .executeTakeFirstOrThrow();
  return requireGuardianChild(db, actor, row.id, TODAY);
};
const sofie = await childNamed(kari, 'Sofie');
const jonas = await childNamed(kari, 'Jonas');
const emil = await childNamed(ola, 'Emil');

const input = (fields: Partial<ReportInput>): ReportInput => ({
  kind: 'days',
  from: '',
  to: '',
  date: '',
  lessons: [],
  reason: 'sjuk',
  note: '',
  ...fields,
});
const days = (from: string, to = from, reason: ReportValues['reason'] = 'sjuk'): ReportValues => ({
  kind: 'days',
  from,
  to,
  lessonIds: [],
  reason,
  note: null,
});
const totals = async (child = sofie, today = TODAY) => (await loadChildAbsence(db, kari, child, today)).year.totals;
async function report(values: ReportValues, child = sofie, now = NOW) {
  const result = await reportAbsence(db, kari, child, values, now);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  return result.reportId;
}

describe('parseAbsenceReport', () => {
  test('required fields, date formats and the order of the dates', () => {
    const empty = parseAbsenceReport(input({ reason: '' }));
    assert.deepEqual(!empty.ok && empty.errors, { from: { code: 'required' }, reason: { code: 'required' } });
    const bad = parseAbsenceReport(input({ from: '31.02.2026', to: 'i morgen' }));
    assert.deepEqual(!bad.ok && bad.errors, { from: { code: 'invalid_date' }, to: { code: 'invalid_date' } });
    const reversed = parseAbsenceReport(input({ from: '27.11.2026', to: '26.11.2026' }));
    assert.deepEqual(!reversed.ok && reversed.errors, { to: { code: 'before_from' } });
    const lessons = parseAbsenceReport(input({ kind: 'lessons', date: '25.11.2026', lessons: [] }));
    assert.deepEqual(!lessons.ok && lessons.errors, { lessons: { code: 'required' } });
    const note = parseAbsenceReport(input({ from: '26.11.2026', note: 'x'.repeat(301) }));
    assert.deepEqual(!note.ok && note.errors, { note: { code: 'too_long' } });
    const reason = parseAbsenceReport(input({ from: '26.11.2026', reason: 'ferie' }));
    assert.deepEqual(!reason.ok && reason.errors, { reason: { code: 'required' } });
  });

  test('one day when "to" is empty; dd.mm.yyyy, the browser\'s ISO and a number pad\'s digits', () => {
    const parsed = parseAbsenceReport(input({ from: '26.11.2026', note: '  Sofie er syk.\r\n ' }));
    assert.deepEqual(parsed.ok && parsed.values, {
      kind: 'days',
      from: '2026-11-26',
      to: '2026-11-26',
      lessonIds: [],
      reason: 'sjuk',
      note: 'Sofie er syk.',
    });
    assert.equal(parseReportDate('2026-11-26'), '2026-11-26');
    assert.equal(parseReportDate('26112026'), '2026-11-26');
    assert.equal(parseReportDate('26 11 2026'), '2026-11-26');
    assert.equal(parseReportDate('6.1.2027'), '2027-01-06');
    assert.equal(parseReportDate('2611202'), null);
  });
});

describe('reportAbsence', () => {
  test('the skolerute, the school year and how far back: each refused with its code', async () => {
    const refused = async (values: ReportValues) => {
      const result = await reportAbsence(db, kari, sofie, values, NOW);
      return !result.ok && result.errors;
    };
    assert.deepEqual(
      await refused(days('2026-11-28', '2026-11-29')),
      { from: { code: 'no_school_days' } },
      'a weekend',
    );
    assert.deepEqual(
      await refused(days('2026-12-21', '2026-12-23')),
      { from: { code: 'no_school_days' } },
      'juleferie',
    );
    assert.deepEqual(await refused(days('2026-11-10')), { from: { code: 'too_old' } }, '15 days back');
    assert.deepEqual(await refused(days('2027-08-20')), { from: { code: 'outside_year' } }, 'next school year');
    const saturday = await reportAbsence(
      db,
      kari,
      sofie,
      { kind: 'lessons', from: '2026-11-28', to: '2026-11-28', lessonIds: [1], reason: 'lege', note: null },
      NOW,
    );
    assert.deepEqual(!saturday.ok && saturday.errors, { date: { code: 'not_school_day', date: '2026-11-28' } });
    assert.equal(
      await db.selectFrom('absence_report').select('id').where('pupil_id', '=', sofie.pupilId).executeTakeFirst(),
      undefined,
      'nothing saved',
    );
  });

  test('a range over a weekend counts only its school days, in the entry and in the totals', async () => {
    const before = await totals();
    const id = await report(days('2026-11-20', '2026-11-24'));
    const overview = await loadChildAbsence(db, kari, sofie, TODAY);
    const entry = overview.year.entries.find((e) => e.source === 'home' && e.reportId === id);
    assert.equal(entry?.source === 'home' && entry.schoolDays, 3, 'Fri, Mon, Tue');
    assert.equal((await totals()).days, before.days + 3);
    assert.equal((await totals()).hours, before.hours);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'details', 'actor_role'])
      .where('record_type', '=', 'absence_report')
      .where('record_id', '=', String(id))
      .executeTakeFirstOrThrow();
    assert.equal(audit.action, 'absence.report');
    assert.deepEqual(typeof audit.details === 'string' ? JSON.parse(audit.details) : audit.details, {
      kind: 'days',
      from: '2026-11-20',
      to: '2026-11-24',
    });
  });

  test('a range over the juleferie counts 2 school days once they have passed; future days count nothing yet', async () => {
    const early = new Date('2026-12-17T09:00:00+01:00');
    await report(days('2026-12-18', '2027-01-04', 'gravferd'), jonas, early);
    assert.equal((await totals(jonas, '2026-12-17')).days, 0, 'nothing has happened yet');
    assert.equal((await totals(jonas, '2027-01-05')).days, 2, '18.12 and 04.01; weekends and Juleferie not counted');
  });

  test('an hours report counts hours, never days', async () => {
    const day = await dayLessons(db, sofie, '2026-11-18');
    assert.ok(day.lessons.length >= 2, 'Sofie has lessons on Wednesdays');
    const before = await totals();
    await report({
      kind: 'lessons',
      from: '2026-11-18',
      to: '2026-11-18',
      lessonIds: [day.lessons[0]!.id, day.lessons[1]!.id],
      reason: 'lege',
      note: null,
    });
    const after = await totals();
    assert.equal(after.hours, before.hours + 2);
    assert.equal(after.days, before.days);
  });

  test('overlaps are refused: days over days, lessons already reported, lessons on a reported whole day, foreign lessons', async () => {
    await report(days('2026-11-30', '2026-12-02'));
    const overlap = await reportAbsence(db, kari, sofie, days('2026-11-26', '2026-12-01'), NOW);
    assert.deepEqual(!overlap.ok && overlap.errors, { from: { code: 'overlap', date: '2026-11-30' } });
    const covered = await dayLessons(db, sofie, '2026-12-01');
    const onReportedDay = await reportAbsence(
      db,
      kari,
      sofie,
      {
        kind: 'lessons',
        from: '2026-12-01',
        to: '2026-12-01',
        lessonIds: [covered.lessons[0]!.id],
        reason: 'sjuk',
        note: null,
      },
      NOW,
    );
    assert.deepEqual(!onReportedDay.ok && onReportedDay.errors, { date: { code: 'overlap', date: '2026-12-01' } });

    const thursday = await dayLessons(db, sofie, '2026-11-26');
    const first = thursday.lessons[0]!.id;
    await report({
      kind: 'lessons',
      from: '2026-11-26',
      to: '2026-11-26',
      lessonIds: [first],
      reason: 'lege',
      note: null,
    });
    const again = await reportAbsence(
      db,
      kari,
      sofie,
      {
        kind: 'lessons',
        from: '2026-11-26',
        to: '2026-11-26',
        lessonIds: [first, thursday.lessons[1]!.id],
        reason: 'lege',
        note: null,
      },
      NOW,
    );
    assert.deepEqual(!again.ok && again.errors, { lessons: { code: 'already_reported', date: '2026-11-26' } });
    const jonasLesson = (await dayLessons(db, jonas, '2026-11-26')).lessons[0]!.id;
    const foreign = await reportAbsence(
      db,
      kari,
      sofie,
      { kind: 'lessons', from: '2026-11-26', to: '2026-11-26', lessonIds: [jonasLesson], reason: 'lege', note: null },
      NOW,
    );
    assert.deepEqual(!foreign.ok && foreign.errors, { lessons: { code: 'unknown' } });
  });
});

describe('withdrawAbsenceReport', () => {
  test('works until the day starts (Oslo time) and is refused on the day', async () => {
    const tomorrow = await report(days('2026-12-03'));
    const lateEvening = new Date('2026-12-02T23:30:00+01:00');
    assert.deepEqual(await withdrawAbsenceReport(db, kari, sofie, tomorrow, lateEvening), { ok: true });
    const row = await db
      .selectFrom('absence_report')
      .select(['withdrawn_at', 'withdrawn_by'])
      .where('id', '=', tomorrow)
      .executeTakeFirstOrThrow();
    assert.ok(row.withdrawn_at);
    assert.equal(row.withdrawn_by, kari.personId);
    assert.deepEqual(
      await withdrawAbsenceReport(db, kari, sofie, tomorrow, lateEvening),
      { ok: true },
      'a double submit is fine',
    );

    const friday = await report(days('2026-12-04'));
    const morning = new Date('2026-12-04T00:30:00+01:00');
    assert.deepEqual(await withdrawAbsenceReport(db, kari, sofie, friday, morning), { ok: false, reason: 'started' });
    const again = await reportAbsence(db, kari, sofie, days('2026-12-03'), NOW);
    assert.ok(again.ok, 'a withdrawn day can be reported again');
    const actions = await db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', String(tomorrow))
      .where('record_type', '=', 'absence_report')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['absence.report', 'absence.withdraw'],
    );
  });

  test("another child's report does not exist for this child", async () => {
    const id = await report(days('2026-12-07'));
    await assert.rejects(withdrawAbsenceReport(db, ola, emil, id, NOW), NotFoundError);
    await assert.rejects(withdrawAbsenceReport(db, kari, jonas, id, NOW), NotFoundError);
  });
});

describe('markAbsenceDocumented', () => {
  test('leadership marks it (audited); a teacher of the class who sees the pupil may not', async () => {
    const id = await report(days('2026-11-19'));
    const facts = (await loadPupilFacts(db, sofie.pupilId, TODAY))!;
    const rektor = (await loadActor(db, await loginPersonId(db, 'leadership'), 'feide', TODAY))!;
    await markAbsenceDocumented(db, rektor, facts, id, true, NOW);
    assert.equal(
      (await db.selectFrom('absence_report').select('documented').where('id', '=', id).executeTakeFirstOrThrow())
        .documented,
      true,
    );
    const audit = await db
      .selectFrom('audit_log')
      .select('actor_role')
      .where('action', '=', 'absence.documented')
      .where('record_id', '=', String(id))
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_role, 'leadership');
    const teacherId = await insertStaff(db, {
      role: 'teacher',
      municipalityId: sofie.municipalityId,
      schoolId: sofie.schoolId,
      classIds: [sofie.classId],
    });
    const teacher = (await loadActor(db, teacherId, 'feide', TODAY))!;
    await assert.rejects(markAbsenceDocumented(db, teacher, facts, id, false, NOW), ForbiddenError);
    await assert.rejects(
      markAbsenceDocumented(db, rektor, (await loadPupilFacts(db, jonas.pupilId, TODAY))!, id, false, NOW),
      ForbiddenError,
      'another school',
    );
    const jonasReport = await report(days('2026-11-19'), jonas);
    await assert.rejects(
      markAbsenceDocumented(db, rektor, facts, jonasReport, true, NOW),
      NotFoundError,
      'a report of another pupil',
    );
  });
});
