import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import type { LoginProvider } from '../../src/db/schema.ts';
import { loadActor } from '../../src/domain/access/actor.ts';
import { loadAbsenceYears } from '../../src/domain/absence/year.ts';
import { countSchoolDays } from '../../src/domain/calendar/school-days.ts';
import { NotFoundError } from '../../src/domain/errors.ts';
import { decideApplication as decideLeave, type DecisionInput } from '../../src/domain/applications/decide.ts';
import {
  findApplicationForDecision as findLeaveApplicationForDecision,
  listApplicationQueue as listLeaveQueue,
} from '../../src/domain/applications/queue.ts';
import { downloadVedtak } from '../../src/domain/applications/vedtak.ts';
import { deleteApplications, insertLeaveApplication, leaveApplication } from '../support/applications.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId, personNamed } from '../support/fixtures.ts';
import { pdfText } from '../support/pdf.ts';

const TODAY = '2026-11-25';
const NOW = new Date('2026-11-25T10:00:00+01:00');
const db = await createDemoTestDb(TODAY);
const actorOf = async (personId: number, via: LoginProvider = 'feide') => (await loadActor(db, personId, via, TODAY))!;
const person = (key: DemoLoginKey) => loginPersonId(db, key);
const school = (name: string) =>
  db.selectFrom('school').select(['id', 'municipality_id']).where('name', '=', name).executeTakeFirstOrThrow();

const kari = await person('guardian');
const anders = await personNamed(db, 'Anders', 'Nordmann');
const sofie = await personNamed(db, 'Sofie', 'Nordmann');
const jonas = await personNamed(db, 'Jonas', 'Nordmann');
const bjorkelia = await school('Bjørkelia skole');
const fjellheim = await school('Fjellheim skule');
const torunn = await actorOf(await person('leadership'));
const fjellheimRektor = await actorOf(
  (
    await db
      .selectFrom('staff_membership')
      .select('person_id')
      .where('school_id', '=', fjellheim.id)
      .where('role', '=', 'leadership')
      .where('title', '=', 'Rektor')
      .executeTakeFirstOrThrow()
  ).person_id,
);

async function apply(
  pupilId: number,
  at: { id: number; municipality_id: number },
  from: string,
  to: string,
  extra: { submittedAt?: Date; reason?: 'reise' | 'religion' } = {},
) {
  return insertLeaveApplication(db, {
    pupil_id: pupilId,
    school_id: at.id,
    applicant_id: kari,
    reason: extra.reason ?? 'reise',
    from_date: from,
    to_date: to,
    school_days: await countSchoolDays(db, at.municipality_id, from, to),
    justification: 'Besøk hos besteforeldre i Tromsø.',
    rules_confirmed_at: NOW,
    status: 'submitted',
    submitted_at: extra.submittedAt ?? new Date('2026-11-20T12:00:00+01:00'),
  });
}
const decision = (input: Record<string, string>): DecisionInput => ({
  outcome: '',
  grantedFrom: '',
  grantedTo: '',
  reasons: '',
  ...input,
});
const documentText = async (id: number) =>
  pdfText((await db.selectFrom('document').select('content').where('id', '=', id).executeTakeFirstOrThrow()).content);
const status = async (id: number) =>
  (await db.selectFrom('application').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

test("the queue: the leader's own school only, oldest submitted first, with the pupil's absence this year", async () => {
  const older = await apply(sofie, bjorkelia, '2027-01-11', '2027-01-12', {
    submittedAt: new Date('2026-11-10T09:00:00+01:00'),
  });
  const newer = await apply(sofie, bjorkelia, '2027-02-01', '2027-02-02', {
    submittedAt: new Date('2026-11-23T09:00:00+01:00'),
  });
  const elsewhere = await apply(jonas, fjellheim, '2027-01-11', '2027-01-12');
  await db
    .insertInto('absence_report')
    .values({
      pupil_id: sofie,
      school_id: bjorkelia.id,
      reported_by: kari,
      kind: 'days',
      from_date: '2026-11-16',
      to_date: '2026-11-17',
      reason: 'sjuk',
    })
    .execute();

  const queue = await listLeaveQueue(db, torunn, { limit: 50 }, TODAY);
  const ids = queue.items.map((i) => i.id);
  assert.ok(ids.indexOf(older) >= 0 && ids.indexOf(older) < ids.indexOf(newer), 'oldest submitted first');
  assert.ok(!ids.includes(elsewhere), "Fjellheim is not Torunn's school");
  const item = queue.items.find((i) => i.id === older)!;
  assert.ok(item.kind === 'leave');
  assert.deepEqual(
    [item.kind, item.pupilName, item.className, item.applicantName, item.details.schoolDays],
    ['leave', 'Sofie Nordmann', '3A', 'Kari Nordmann', 2],
  );
  assert.equal(item.facts?.days, 2, 'the reported sick days count');
  assert.equal(queue.total, ids.length);
  assert.equal((await listLeaveQueue(db, torunn, { limit: 1, offset: 1 }, TODAY)).items[0]?.id, ids[1], 'paginated');
  await assert.rejects(listLeaveQueue(db, await actorOf(await person('contact-teacher')), {}, TODAY), NotFoundError);
  await deleteApplications(db, [older, newer, elsewhere]);
});

test('a partly granted decision: one vedtak per guardian, addressed to them, one outbox row each, out of the queue', async () => {
  const id = await apply(sofie, bjorkelia, '2026-11-30', '2026-12-04');
  const result = await decideLeave(
    db,
    torunn,
    id,
    decision({
      outcome: 'partly_granted',
      grantedFrom: '01.12.2026',
      grantedTo: '02.12.2026',
      reasons: 'Skolen har heldagsprøve 03.12.2026 og 04.12.2026.',
    }),
    NOW,
  );
  assert.equal(result.ok, true);
  const saved = await leaveApplication(db, id);
  assert.deepEqual(
    [saved.status, saved.granted_from, saved.granted_to, saved.granted_days, saved.decided_by],
    ['partly_granted', '2026-12-01', '2026-12-02', 2, torunn.personId],
  );

  const links = await db
    .selectFrom('application_document as l')
    .innerJoin('document as d', 'd.id', 'l.document_id')
    .select(['l.guardian_id', 'l.document_id', 'd.guardian_id as addressed', 'd.kind', 'd.title', 'd.pupil_id'])
    .where('l.application_id', '=', id)
    .orderBy('l.guardian_id')
    .execute();
  assert.deepEqual(links.map((l) => l.guardian_id).sort(), [kari, anders].sort());
  for (const l of links)
    assert.deepEqual(
      [l.addressed, l.kind, l.title, l.pupil_id],
      [l.guardian_id, 'vedtak', 'Vedtak om permisjon – Sofie Nordmann', sofie],
    );

  const outbox = await db
    .selectFrom('outbox')
    .select(['recipient_person_id', 'category', 'payload', 'idempotency_key'])
    .where('event_type', '=', 'leave.decided')
    .where('pupil_id', '=', sofie)
    .execute();
  assert.equal(outbox.length, 2);
  for (const l of links) {
    const row = outbox.find((o) => o.recipient_person_id === l.guardian_id)!;
    const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
    assert.deepEqual(payload, { applicationId: id, outcome: 'partly_granted', documentId: l.document_id });
    assert.deepEqual([row.category, row.idempotency_key], ['decisions', `leave:${id}:decided:${l.guardian_id}`]);
  }

  const kariLetter = await documentText(links.find((l) => l.guardian_id === kari)!.document_id);
  const andersLetter = await documentText(links.find((l) => l.guardian_id === anders)!.document_id);
  assert.match(kariLetter, /Kari Nordmann/);
  assert.doesNotMatch(kariLetter, /Anders Nordmann/, 'addressed to Kari only');
  assert.match(andersLetter, /Anders Nordmann/);
  for (const expected of [
    /Vedtak om permisjon fra opplæringen/,
    /Sofie Nordmann/,
    /30\.11\.2026–04\.12\.2026/,
    /Delvis innvilget: 01\.12\.2026–02\.12\.2026 \(2 skoledager\)/,
    /heldagsprøve/,
    /opplæringslova § 2-2 fjerde ledd/,
    /3 uker fra den dagen du mottok/,
    /Statsforvalteren/,
    /forvaltningsloven §§ 28 og 29/,
    /forvaltningsloven § 18/,
    /Torunn Holmvik/,
    /mottok 20\.11\.2026 fra Kari Nordmann/,
  ]) {
    assert.match(kariLetter.replace(/\s+/g, ' '), expected);
  }

  assert.ok(!(await listLeaveQueue(db, torunn, {}, TODAY)).items.some((i) => i.id === id), 'no longer in the queue');
  assert.ok(
    (await listLeaveQueue(db, torunn, {}, TODAY)).recent.some((i) => i.id === id),
    'among the recently decided',
  );
  const again = await decideLeave(db, torunn, id, decision({ outcome: 'granted' }), NOW);
  assert.deepEqual(again, { ok: false, reason: 'already_decided' });
  assert.equal(
    (
      await db
        .selectFrom('outbox')
        .select('id')
        .where('event_type', '=', 'leave.decided')
        .where('pupil_id', '=', sofie)
        .execute()
    ).length,
    2,
    'nothing sent twice',
  );
  const audit = await db
    .selectFrom('audit_log')
    .select(['actor_person_id', 'subject_person_id'])
    .where('action', '=', 'leave.decide')
    .where('record_id', '=', String(id))
    .execute();
  assert.deepEqual(audit, [{ actor_person_id: torunn.personId, subject_person_id: sofie }]);

  const other = await apply(sofie, bjorkelia, '2027-03-01', '2027-03-02');
  await assert.rejects(
    downloadVedtak(db, torunn, other, links[0]!.document_id, TODAY, NOW),
    NotFoundError,
    'a letter of another application',
  );
  assert.equal((await downloadVedtak(db, torunn, id, links[0]!.document_id, TODAY, NOW)).kind, 'vedtak');
  await deleteApplications(db, [other]);
});

test('reasons are required for refusal and partial grants; a partial period is shorter, inside, with school days', async () => {
  const id = await apply(sofie, bjorkelia, '2027-01-04', '2027-01-08');
  const errors = async (input: Record<string, string>) => {
    const result = await decideLeave(db, torunn, id, decision(input), NOW);
    return !result.ok && 'errors' in result
      ? result.errors
      : assert.fail(`expected invalid, got ${JSON.stringify(result)}`);
  };
  assert.deepEqual(await errors({}), { outcome: 'missing' });
  assert.deepEqual(await errors({ outcome: 'refused' }), { reasons: 'missing' });
  assert.deepEqual(await errors({ outcome: 'refused', reasons: 'For kort' }), { reasons: 'short' });
  const reasons = 'Eleven har hatt mye fravær dette skoleåret.';
  assert.deepEqual(await errors({ outcome: 'partly_granted', reasons }), {
    grantedFrom: 'missing',
    grantedTo: 'missing',
  });
  assert.deepEqual(
    await errors({ outcome: 'partly_granted', reasons, grantedFrom: '4.13.2027', grantedTo: '05.01.2027' }),
    { grantedFrom: 'format' },
  );
  assert.deepEqual(
    await errors({ outcome: 'partly_granted', reasons, grantedFrom: '04.01.2027', grantedTo: '08.01.2027' }),
    { grantedFrom: 'not_shorter' },
  );
  assert.deepEqual(
    await errors({ outcome: 'partly_granted', reasons, grantedFrom: '03.01.2027', grantedTo: '09.01.2027' }),
    { grantedFrom: 'outside', grantedTo: 'outside' },
  );
  assert.deepEqual(
    await errors({ outcome: 'partly_granted', reasons, grantedFrom: '07.01.2027', grantedTo: '05.01.2027' }),
    { grantedTo: 'order' },
  );
  assert.deepEqual(
    await errors({ outcome: 'partly_granted', reasons: '', grantedFrom: '05.01.2027', grantedTo: '06.01.2027' }),
    { reasons: 'missing' },
  );
  assert.equal(await status(id), 'submitted', 'nothing decided');
  assert.equal(
    (await db.selectFrom('application_document').select('document_id').where('application_id', '=', id).execute())
      .length,
    0,
  );

  const weekend = await apply(sofie, bjorkelia, '2027-01-08', '2027-01-11'); // Fri–Mon
  const onlyWeekend = await decideLeave(
    db,
    torunn,
    weekend,
    decision({ outcome: 'partly_granted', reasons, grantedFrom: '09.01.2027', grantedTo: '10.01.2027' }),
    NOW,
  );
  assert.deepEqual(onlyWeekend, { ok: false, errors: { grantedFrom: 'no_school_days' } });
  assert.equal(
    (await decideLeave(db, torunn, id, decision({ outcome: 'granted' }), NOW)).ok,
    true,
    'granted needs no reasons',
  );
});

test("a Fjellheim child gets the vedtak in nynorsk; another school's rektor cannot see the application", async () => {
  const id = await apply(jonas, fjellheim, '2026-12-07', '2026-12-09', { reason: 'religion' });
  await assert.rejects(findLeaveApplicationForDecision(db, torunn, id, TODAY), NotFoundError);
  await assert.rejects(decideLeave(db, torunn, id, decision({ outcome: 'granted' }), NOW), NotFoundError);
  const result = await decideLeave(
    db,
    fjellheimRektor,
    id,
    decision({ outcome: 'refused', reasons: 'Skulen har tentamen desse dagane.' }),
    NOW,
  );
  assert.equal(result.ok && result.documents.length, 2, 'Kari and Anders');
  const text = (await documentText(result.ok ? result.documents[0]!.documentId : 0)).replace(/\s+/g, ' ');
  for (const expected of [
    /Vedtak om permisjon frå opplæringa/,
    /Jonas Nordmann/,
    /Fjellheim skule/,
    /07\.12\.2026–09\.12\.2026/,
    /Utfall Avslag/,
    /Grunngiving Skulen har tentamen/,
    /opplæringslova § 2-2 fjerde ledd/,
    /opplæringslova § 2-2 femte ledd/,
    /3 veker frå den dagen du fekk/,
    /Statsforvaltaren/,
    /forvaltningslova §§ 28 og 29/,
    /Med helsing/,
  ]) {
    assert.match(text, expected);
  }
  assert.doesNotMatch(text, /skoledager|opplæringen|Klagen/, 'no bokmål');
  assert.doesNotMatch(text, /Ansvaret til foreldra/, 'no duty section when refused');
});

test("granted leave counts as leave days in the pupil's absence; a withdrawn application cannot be decided", async () => {
  const id = await apply(sofie, bjorkelia, '2027-02-15', '2027-02-19');
  const result = await decideLeave(
    db,
    torunn,
    id,
    decision({
      outcome: 'partly_granted',
      grantedFrom: '2027-02-17',
      grantedTo: '2027-02-19',
      reasons: 'Innvilget for tre av fem dager.',
    }),
    NOW,
  );
  assert.equal(result.ok, true);
  const years = await loadAbsenceYears(
    db,
    [{ pupilId: sofie, municipalityId: bjorkelia.municipality_id }],
    { from: '2027-02-01', to: '2027-02-28' },
    '2027-02-26',
  );
  assert.equal(years.get(sofie)?.totals.leaveDays, 3);
  const view = await findLeaveApplicationForDecision(db, torunn, id, TODAY);
  assert.equal(view.documents.length, 2);
  assert.deepEqual(view.app.decision?.outcome, 'partly_granted');

  const withdrawn = await apply(sofie, bjorkelia, '2027-03-08', '2027-03-09');
  await db.updateTable('application').set({ status: 'withdrawn' }).where('id', '=', withdrawn).execute();
  assert.deepEqual(await decideLeave(db, torunn, withdrawn, decision({ outcome: 'granted' }), NOW), {
    ok: false,
    reason: 'withdrawn',
  });
});

test('teachers, guardians and the school owner do not find the application (404)', async () => {
  const id = await apply(sofie, bjorkelia, '2027-04-05', '2027-04-06');
  for (const actor of [
    await actorOf(await person('contact-teacher')),
    await actorOf(await person('teacher')),
    await actorOf(kari, 'idporten'),
    await actorOf(await person('school-owner')),
  ]) {
    await assert.rejects(findLeaveApplicationForDecision(db, actor, id, TODAY), NotFoundError);
    await assert.rejects(decideLeave(db, actor, id, decision({ outcome: 'granted' }), NOW), NotFoundError);
  }
  assert.equal(await status(id), 'submitted');
  assert.equal((await findLeaveApplicationForDecision(db, torunn, id, TODAY)).app.pupilName, 'Sofie Nordmann');
});
