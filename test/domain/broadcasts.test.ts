import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { loadActor, type Actor } from '../../src/domain/access/actor.ts';
import { audienceKey, listBroadcastAudiences, requireBroadcastAudience } from '../../src/domain/broadcasts/audience.ts';
import { canSendBroadcast } from '../../src/domain/broadcasts/policy.ts';
import { listReceivedBroadcasts, openReceivedBroadcast } from '../../src/domain/broadcasts/received.ts';
import { parseBroadcast, sendBroadcast } from '../../src/domain/broadcasts/send.ts';
import {
  broadcastDeliverySummary,
  findSentBroadcast,
  listRecipientStatus,
  RECIPIENTS_PER_PAGE,
} from '../../src/domain/broadcasts/sent.ts';
import { runOutbox } from '../../src/domain/delivery/worker.ts';
import { testDeliveryDeps } from '../support/delivery.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { NotFoundError } from '../../src/domain/errors.ts';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const NOW = new Date('2026-11-25T09:00:00+01:00');
const db = await createDemoTestDb(TODAY);

const staff = async (key: DemoLoginKey) => (await loadActor(db, await loginPersonId(db, key), 'feide', TODAY))!;
const guardian = async (personId: number) => (await loadActor(db, personId, 'idporten', TODAY))!;
const school = (name: string) =>
  db
    .selectFrom('school')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
const classId = (schoolId: number, name: string) =>
  db
    .selectFrom('class')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
const bjorkelia = await school('Bjørkelia skole');
const fjellheim = await school('Fjellheim skule');
const rektor = await staff('leadership');
const marius = await staff('contact-teacher');

/** Independently of the code under test: the distinct guardians with access of the pupils enrolled at a school today. */
async function guardiansAtSchool(schoolId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(distinct r.guardian_id)::int as n from guardian_relation r join enrolment e on e.pupil_id = r.pupil_id
    where e.school_id = ${schoolId} and e.starts_on <= ${TODAY} and (e.ends_on is null or e.ends_on >= ${TODAY})
      and r.parental_responsibility and not r.blocked and not r.contact_person_only`.execute(db);
  return Number(rows[0]!.n);
}

async function send(actor: Actor, key: string, subject = 'Planleggingsdag') {
  const audience = await requireBroadcastAudience(db, actor, key, TODAY);
  const result = await sendBroadcast(db, actor, audience, { subject, body: 'Skolen er stengt fredag.' }, TODAY, NOW);
  assert.ok(result.ok, 'sent');
  return result;
}

let schoolBroadcast = 0;

test('a broadcast to the whole school reaches each guardian with access exactly once, with one outbox row each', async () => {
  const expected = await guardiansAtSchool(bjorkelia);
  assert.ok(expected > 100, `the demo school has many families (${expected})`);
  const sent = await send(rektor, `school:${bjorkelia}`);
  schoolBroadcast = sent.id;
  assert.equal(sent.recipients, expected);
  const copies = await db
    .selectFrom('broadcast_recipient')
    .select(['guardian_id'])
    .where('broadcast_id', '=', sent.id)
    .execute();
  assert.equal(copies.length, expected);
  assert.equal(new Set(copies.map((c) => c.guardian_id)).size, expected, 'one copy per guardian');
  const outbox = await db
    .selectFrom('outbox')
    .select(['recipient_person_id', 'category', 'event_type', 'school_id', 'payload'])
    .where('idempotency_key', 'like', `broadcast:${sent.id}:%`)
    .execute();
  assert.equal(outbox.length, expected, 'one notification per guardian');
  assert.equal(new Set(outbox.map((o) => o.recipient_person_id)).size, expected);
  assert.ok(
    outbox.every((o) => o.category === 'messages' && o.event_type === 'broadcast.new' && o.school_id === bjorkelia),
  );
  assert.deepEqual(outbox[0]!.payload, { broadcastId: sent.id, subject: 'Planleggingsdag', from: 'Bjørkelia skole' });
  const audit = await db
    .selectFrom('audit_log')
    .select(['actor_role', 'details'])
    .where('action', '=', 'broadcast.send')
    .where('record_id', '=', String(sent.id))
    .executeTakeFirstOrThrow();
  assert.equal(audit.actor_role, 'leadership');
});

test('a guardian with two children at the school gets one copy naming both', async () => {
  const { rows } = await sql<{ guardian_id: number; names: string[] }>`
    select r.guardian_id, array_agg(p.given_name order by p.given_name) as names from guardian_relation r
    join enrolment e on e.pupil_id = r.pupil_id and e.school_id = ${bjorkelia} and e.ends_on is null join person p on p.id = r.pupil_id
    where r.parental_responsibility and not r.blocked and not r.contact_person_only
    group by r.guardian_id having count(*) = 2 order by r.guardian_id limit 1`.execute(db);
  const family = rows[0]!;
  const copies = await db
    .selectFrom('broadcast_recipient')
    .select('pupil_ids')
    .where('broadcast_id', '=', schoolBroadcast)
    .where('guardian_id', '=', family.guardian_id)
    .execute();
  assert.equal(copies.length, 1);
  assert.equal(copies[0]!.pupil_ids.length, 2);
  const copy = await openReceivedBroadcast(db, await guardian(family.guardian_id), schoolBroadcast, NOW);
  assert.deepEqual(
    copy.children,
    [...family.names].sort((a, b) => a.localeCompare(b, 'nb')),
  );
});

test('blocked guardians and contact persons get nothing', async () => {
  const geir = await loginPersonId(db, 'guardian-blocked');
  assert.equal(
    (await db.selectFrom('broadcast_recipient').select('guardian_id').where('guardian_id', '=', geir).execute()).length,
    0,
  );
  assert.equal(
    (
      await db
        .selectFrom('outbox')
        .select('id')
        .where('recipient_person_id', '=', geir)
        .where('event_type', '=', 'broadcast.new')
        .execute()
    ).length,
    0,
  );
  // Every child named in a copy is one the guardian has access to.
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from broadcast_recipient b cross join unnest(b.pupil_ids) as child(id)
    where b.broadcast_id = ${schoolBroadcast} and not exists (select 1 from guardian_relation r where r.guardian_id = b.guardian_id and r.pupil_id = child.id
      and r.parental_responsibility and not r.blocked and not r.contact_person_only)`.execute(db);
  assert.equal(Number(rows[0]!.n), 0);
  await assert.rejects(openReceivedBroadcast(db, await guardian(geir), schoolBroadcast, NOW), NotFoundError);
});

test('opening the copy marks it read for the sender, and its notification with it', async () => {
  const kari = await loginPersonId(db, 'guardian');
  const before = await findSentBroadcast(db, rektor, schoolBroadcast);
  const copy = await openReceivedBroadcast(db, await guardian(kari), schoolBroadcast, NOW);
  assert.deepEqual(copy.children, ['Sofie'], 'Jonas is at Fjellheim, not in this audience');
  const after = await findSentBroadcast(db, rektor, schoolBroadcast);
  assert.equal(after.read, before.read + 1);
  const row = await db
    .selectFrom('broadcast_recipient')
    .select('read_at')
    .where('broadcast_id', '=', schoolBroadcast)
    .where('guardian_id', '=', kari)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row.read_at, NOW);
  const note = await db
    .selectFrom('outbox')
    .select('read_at')
    .where('idempotency_key', '=', `broadcast:${schoolBroadcast}:${kari}`)
    .executeTakeFirstOrThrow();
  assert.deepEqual(note.read_at, NOW);
  const statuses = [];
  for (let page = 1; ; page++) {
    const result = await listRecipientStatus(db, after, page);
    assert.ok(result.items.length <= RECIPIENTS_PER_PAGE);
    statuses.push(...result.items);
    if (!result.hasNext) break;
  }
  assert.equal(statuses.length, after.recipients, 'the pages together list every recipient once');
  const karis = statuses.find((s) => s.guardianName === 'Kari Nordmann')!;
  assert.deepEqual(karis.readAt, NOW);
  assert.deepEqual(karis.children, ['Sofie Nordmann']);
  assert.equal(
    statuses.find((s) => s.guardianName === 'Anders Nordmann')!.readAt,
    null,
    'the other guardian has not read it',
  );
});

test('a guardian sees only their own copy, and not one about a child they are no longer allowed to see', async () => {
  const kari = await guardian(await loginPersonId(db, 'guardian'));
  const sent = await send(marius, `class:${await classId(bjorkelia, '5A')}`, 'Tur til skogen');
  await assert.rejects(openReceivedBroadcast(db, kari, sent.id, NOW), NotFoundError, 'Kari has no child in 5A');
  await assert.rejects(findSentBroadcast(db, kari, sent.id), NotFoundError, 'a guardian never sees the recipient list');
  const received = await listReceivedBroadcasts(db, kari, 1);
  assert.deepEqual(
    received.items.map((b) => b.id),
    [schoolBroadcast],
  );

  const relation = await db
    .selectFrom('broadcast_recipient')
    .select(['guardian_id', 'pupil_ids'])
    .where('broadcast_id', '=', sent.id)
    .orderBy('guardian_id')
    .executeTakeFirstOrThrow();
  const parent = await guardian(relation.guardian_id);
  assert.equal((await openReceivedBroadcast(db, parent, sent.id, NOW)).subject, 'Tur til skogen');
  await db
    .updateTable('guardian_relation')
    .set({ blocked: true })
    .where('guardian_id', '=', relation.guardian_id)
    .where('pupil_id', 'in', relation.pupil_ids)
    .execute();
  try {
    await assert.rejects(
      openReceivedBroadcast(db, await guardian(relation.guardian_id), sent.id, NOW),
      NotFoundError,
      'blocked after sending: the copy is gone',
    );
  } finally {
    await db
      .updateTable('guardian_relation')
      .set({ blocked: false })
      .where('guardian_id', '=', relation.guardian_id)
      .where('pupil_id', 'in', relation.pupil_ids)
      .execute();
  }
});

test('who may send to what', async () => {
  const keys = async (actor: Actor) => (await listBroadcastAudiences(db, actor, TODAY)).map(audienceKey);
  const class5a = await classId(bjorkelia, '5A');
  const class5b = await classId(bjorkelia, '5B');
  const mariusKeys = await keys(marius);
  assert.ok(mariusKeys.includes(`class:${class5a}`));
  assert.ok(
    mariusKeys.some((k) => k.startsWith('teaching_group:')),
    'his teaching groups',
  );
  assert.ok(
    !mariusKeys.includes(`class:${class5b}`) &&
      !mariusKeys.some((k) => k.startsWith('school:') || k.startsWith('trinn:')),
  );
  await assert.rejects(
    requireBroadcastAudience(db, marius, `class:${class5b}`, TODAY),
    NotFoundError,
    'a class he does not teach',
  );
  await assert.rejects(requireBroadcastAudience(db, marius, `school:${bjorkelia}`, TODAY), NotFoundError);

  const rektorKeys = await keys(rektor);
  assert.ok(
    rektorKeys.includes(`school:${bjorkelia}`) &&
      rektorKeys.includes(`class:${class5b}`) &&
      rektorKeys.includes(`trinn:${bjorkelia}-5`),
  );
  assert.ok(rektorKeys.some((k) => k.startsWith('composite_group:')) && rektorKeys.some((k) => k.startsWith('sfo:')));
  assert.ok(!rektorKeys.includes(`school:${fjellheim}`), 'not another school');

  const ingvild = await keys(await staff('teacher'));
  assert.ok(
    ingvild.some((k) => k.startsWith('composite_group:')),
    'the choir she leads',
  );
  assert.ok(!ingvild.some((k) => k.startsWith('class:')), 'no class of her own');

  const sfo = await keys(await staff('sfo-staff'));
  assert.equal(sfo.length, 1);
  assert.match(sfo[0]!, /^sfo:/);

  const owner = await staff('school-owner');
  const ownerKeys = await keys(owner);
  assert.ok(ownerKeys.includes(`school:${bjorkelia}`) && ownerKeys.includes(`school:${fjellheim}`));
  assert.ok(
    ownerKeys.every((k) => k.startsWith('school:')),
    'the school owner sends to whole schools only',
  );
  assert.equal(canSendBroadcast(owner, { kind: 'class', id: class5a, schoolId: bjorkelia }), false);

  const kari = await guardian(await loginPersonId(db, 'guardian'));
  assert.deepEqual(await keys(kari), []);
});

test("trinn and SFO audiences reach exactly their pupils' guardians", async () => {
  const sent = await send(rektor, `trinn:${bjorkelia}-5`, 'Femtetrinn');
  const { rows } = await sql<{ n: number }>`
    select count(distinct r.guardian_id)::int as n from guardian_relation r join enrolment e on e.pupil_id = r.pupil_id join class c on c.id = e.class_id
    where c.school_id = ${bjorkelia} and c.trinn = 5 and e.ends_on is null and r.parental_responsibility and not r.blocked and not r.contact_person_only`.execute(
    db,
  );
  assert.equal(sent.recipients, Number(rows[0]!.n));
  const berit = await staff('sfo-leader');
  const [sfo] = await listBroadcastAudiences(db, berit, TODAY);
  const sfoSent = await sendBroadcast(
    db,
    berit,
    sfo!,
    { subject: 'SFO stengt', body: 'Stengt i romjulen.' },
    TODAY,
    NOW,
  );
  assert.ok(sfoSent.ok);
  const { rows: sfoRows } = await sql<{ n: number }>`
    select count(distinct r.guardian_id)::int as n from guardian_relation r join sfo_enrolment f on f.pupil_id = r.pupil_id
    where f.sfo_id = ${sfo!.id} and f.starts_on <= ${TODAY} and (f.ends_on is null or f.ends_on >= ${TODAY})
      and r.parental_responsibility and not r.blocked and not r.contact_person_only`.execute(db);
  assert.equal(sfoSent.recipients, Number(sfoRows[0]!.n));
});

test('an audience without guardians is refused and nothing is written', async () => {
  const empty = {
    kind: 'class' as const,
    id: 999_999,
    trinn: null,
    schoolId: bjorkelia,
    schoolName: 'Bjørkelia skole',
    name: 'Tom',
    role: 'leadership' as const,
  };
  const count = async () =>
    Number(
      (
        await db
          .selectFrom('broadcast')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await count();
  const result = await sendBroadcast(db, rektor, empty, { subject: 'X', body: 'Y' }, TODAY, NOW);
  assert.deepEqual(result, { ok: false, errors: { audience: 'no_recipients' } });
  assert.equal(await count(), before);
});

test('the text is checked: required, at most 200 and 4000 characters', () => {
  assert.deepEqual(parseBroadcast({ audience: '', subject: ' ', body: '' }), {
    ok: false,
    errors: { audience: 'required', subject: 'required', body: 'required' },
  });
  assert.deepEqual(parseBroadcast({ audience: 'class:1', subject: 'x'.repeat(201), body: 'y'.repeat(4001) }), {
    ok: false,
    errors: { subject: 'too_long', body: 'too_long' },
  });
  assert.deepEqual(parseBroadcast({ audience: 'class:1', subject: ' Hei ', body: 'Linje 1\r\nLinje 2 ' }), {
    ok: true,
    values: { subject: 'Hei', body: 'Linje 1\nLinje 2' },
  });
});

test('the sender sees per recipient how the SMS and e-mail went: queued, then sent, or not sent with the reason', async () => {
  const sent = await send(marius, `class:${await classId(bjorkelia, '5A')}`, 'Foreldremøte');
  const broadcast = await findSentBroadcast(db, marius, sent.id);
  const queued = await broadcastDeliverySummary(db, broadcast);
  assert.deepEqual(
    queued,
    { sms: { queued: sent.recipients }, email: { queued: sent.recipients } },
    'nothing planned yet',
  );

  const firstPage = (await listRecipientStatus(db, broadcast, 1)).items;
  const optedOut = firstPage[0]!;
  const optedOutId = (
    await db
      .selectFrom('broadcast_recipient as r')
      .innerJoin('person as p', 'p.id', 'r.guardian_id')
      .select('r.guardian_id')
      .where('r.broadcast_id', '=', sent.id)
      .where(sql<string>`p.given_name || ' ' || p.family_name`, '=', optedOut.guardianName)
      .executeTakeFirstOrThrow()
  ).guardian_id;
  await db.updateTable('contact_info').set({ sms_enabled: false }).where('person_id', '=', optedOutId).execute();
  const deps = testDeliveryDeps(db);
  while ((await runOutbox(db, deps, NOW)).claimed > 0);

  const after = (await listRecipientStatus(db, broadcast, 1)).items;
  const mine = after.find((r) => r.guardianName === optedOut.guardianName)!;
  assert.deepEqual(
    { status: mine.delivery!.sms.status, reason: mine.delivery!.sms.skipReason },
    { status: 'skipped', reason: 'opted_out' },
    'SMS off holds',
  );
  const reachable = await db
    .selectFrom('contact_info')
    .select('person_id')
    .where('sms_enabled', '=', true)
    .where('mobile', 'is not', null)
    .execute();
  const withSms = new Set(reachable.map((r) => r.person_id));
  assert.ok(
    after.some((r) => r.delivery?.sms.status === 'sent'),
    'the others got an SMS',
  );
  const summary = await broadcastDeliverySummary(db, broadcast);
  for (const channel of ['sms', 'email'] as const) {
    assert.equal(
      Object.values(summary[channel]).reduce((a, b) => a + (b ?? 0), 0),
      sent.recipients,
      `every recipient counted once (${channel})`,
    );
    assert.equal(summary[channel].queued, undefined);
  }
  const smsSent = await db
    .selectFrom('broadcast_recipient')
    .select('guardian_id')
    .where('broadcast_id', '=', sent.id)
    .execute();
  assert.equal(
    summary.sms.sent,
    smsSent.filter((r) => withSms.has(r.guardian_id)).length,
    'an SMS to each recipient with a mobile and SMS on',
  );
  assert.equal(
    summary.sms.skipped,
    sent.recipients - summary.sms.sent!,
    'the rest not sent, the opted-out guardian among them',
  );

  const app = createTestApp(db, {}, { clock: () => NOW });
  const response = await app.get(`/broadcasts/${sent.id}`, {
    cookie: await sessionCookie(db, marius.personId, 'feide'),
  });
  const { document } = await html(response);
  assert.match(
    document.querySelector('#delivery-summary')?.textContent ?? '',
    new RegExp(
      `^Varsler: SMS: ${summary.sms.sent} sendt, ${summary.sms.skipped} ikke sendt · E-post: ${summary.email.sent} sendt`,
    ),
  );
  assert.match(document.body.textContent ?? '', /SMS: ikke sendt \(mottakeren har reservert seg mot SMS\)/);
});
