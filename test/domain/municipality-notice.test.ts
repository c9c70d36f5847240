import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { loadActor } from '../../src/domain/access/actor.ts';
import {
  listNoticeMunicipalities,
  parseMunicipalityNotice,
  requireNoticeMunicipality,
  sendMunicipalityNotice,
  TRINN,
} from '../../src/domain/broadcasts/municipality.ts';
import { findSentBroadcast } from '../../src/domain/broadcasts/sent.ts';
import { listReceivedBroadcasts } from '../../src/domain/broadcasts/received.ts';
import { NotFoundError } from '../../src/domain/errors.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const NOW = new Date('2026-11-25T09:00:00+01:00');
const db = await createDemoTestDb(TODAY);
const staff = async (key: DemoLoginKey) => (await loadActor(db, await loginPersonId(db, key), 'feide', TODAY))!;
const owner = await staff('school-owner');
const [demo] = await listNoticeMunicipalities(db, owner);
const schoolId = (name: string) => demo!.schools.find((s) => s.name === name)!.id;
const values = (schoolIds: number[], trinn: number[] = [...TRINN]) => ({
  schoolIds,
  trinn,
  subject: 'Stengt i morgen',
  body: 'Alle skolene holder stengt på grunn av uvær.',
});

/** Independently of the code under test: distinct guardians with access of pupils enrolled today at these schools and trinn. */
async function guardiansAt(schoolIds: number[], trinn: number[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(distinct r.guardian_id)::int as n from guardian_relation r
    join enrolment e on e.pupil_id = r.pupil_id join class c on c.id = e.class_id
    where e.school_id in (${sql.join(schoolIds)}) and c.trinn in (${sql.join(trinn)})
      and e.starts_on <= ${TODAY} and (e.ends_on is null or e.ends_on >= ${TODAY})
      and r.parental_responsibility and not r.blocked and not r.contact_person_only`.execute(db);
  return Number(rows[0]!.n);
}

test('the school owner reaches the municipality and its public schools; rektor, teachers and guardians reach none (404)', async () => {
  assert.deepEqual(
    demo!.schools.map((s) => s.name),
    ['Bjørkelia skole', 'Fjellheim skule'],
    'not the private school in the municipality',
  );
  for (const key of ['leadership', 'contact-teacher', 'teacher', 'sfo-leader', 'sfo-staff', 'pupil'] as const) {
    const actor = await staff(key);
    assert.deepEqual(await listNoticeMunicipalities(db, actor), [], key);
    await assert.rejects(requireNoticeMunicipality(db, actor, demo!.id), NotFoundError, key);
  }
  const guardian = (await loadActor(db, await loginPersonId(db, 'guardian'), 'idporten', TODAY))!;
  await assert.rejects(requireNoticeMunicipality(db, guardian, demo!.id), NotFoundError);
  const ownerViaIdporten = (await loadActor(db, owner.personId, 'idporten', TODAY))!;
  await assert.rejects(requireNoticeMunicipality(db, ownerViaIdporten, demo!.id), NotFoundError);
});

test('one notice to the whole municipality: one copy and one outbox row per guardian, a family across schools once; a retry adds nothing', async () => {
  const all = demo!.schools.map((s) => s.id);
  const key = randomUUID();
  const sent = await sendMunicipalityNotice(db, owner, demo!, values(all), key, TODAY, NOW);
  assert.ok(sent.ok);
  assert.equal(sent.recipients, await guardiansAt(all, [...TRINN]));
  const copies = await db
    .selectFrom('broadcast_recipient')
    .select(['guardian_id'])
    .where('broadcast_id', '=', sent.id)
    .execute();
  assert.equal(new Set(copies.map((c) => c.guardian_id)).size, copies.length, 'one copy per guardian');
  const outbox = await db
    .selectFrom('outbox')
    .select(['recipient_person_id', 'school_id', 'category'])
    .where('idempotency_key', 'like', `broadcast:${sent.id}:%`)
    .execute();
  assert.equal(outbox.length, sent.recipients, 'one notification per guardian');
  assert.ok(outbox.every((o) => o.category === 'messages' && o.school_id !== null && all.includes(o.school_id)));

  const again = await sendMunicipalityNotice(db, owner, demo!, values(all), key, TODAY, NOW);
  assert.deepEqual(again, sent, 'the retried POST answers with the same notice');
  assert.equal(
    (await db.selectFrom('broadcast').select('id').where('audience_kind', '=', 'municipality').execute()).length,
    1,
    'one notice',
  );
  assert.equal(
    (await db.selectFrom('outbox').select('id').where('idempotency_key', 'like', `broadcast:${sent.id}:%`).execute())
      .length,
    sent.recipients,
  );

  const status = await findSentBroadcast(db, owner, sent.id);
  assert.deepEqual([status.schoolId, status.schoolName, status.recipients], [null, demo!.name, sent.recipients]);
  await assert.rejects(findSentBroadcast(db, await staff('leadership'), sent.id), NotFoundError, 'not the rektor');

  const guardianId = copies[0]!.guardian_id;
  const guardian = (await loadActor(db, guardianId, 'idporten', TODAY))!;
  const received = await listReceivedBroadcasts(db, guardian, 1);
  const copy = received.items.find((b) => b.id === sent.id);
  assert.equal(copy?.from, demo!.name, 'the guardian sees it from the municipality');
});

test('a chosen school and trinn: only their guardians', async () => {
  const fjellheim = schoolId('Fjellheim skule');
  const sent = await sendMunicipalityNotice(
    db,
    owner,
    demo!,
    values([fjellheim], [1, 2, 3, 4]),
    randomUUID(),
    TODAY,
    NOW,
  );
  assert.ok(sent.ok);
  assert.equal(sent.recipients, await guardiansAt([fjellheim], [1, 2, 3, 4]));
  assert.ok(sent.recipients < (await guardiansAt([fjellheim], [...TRINN])));
});

test('the form is checked: at least one school of the municipality and one trinn, subject and text', () => {
  const input = { schools: ['999999'], trinn: [], subject: '', body: 'x'.repeat(4001) };
  const parsed = parseMunicipalityNotice(input, demo!);
  assert.deepEqual(parsed, {
    ok: false,
    errors: { schools: 'required', trinn: 'required', subject: 'required', body: 'too_long' },
  });
  const ok = parseMunicipalityNotice(
    {
      schools: [String(schoolId('Bjørkelia skole')), '999999'],
      trinn: ['1', '11', 'x'],
      subject: 'Hei',
      body: 'Tekst',
    },
    demo!,
  );
  assert.deepEqual(ok, {
    ok: true,
    values: { schoolIds: [schoolId('Bjørkelia skole')], trinn: [1], subject: 'Hei', body: 'Tekst' },
  });
});

test('no guardian at the chosen schools and trinn: refused, nothing written', async () => {
  const before = await db.selectFrom('broadcast').select('id').execute();
  // A new school of the municipality, with no pupils yet: the owner reaches it, and no guardian is there to tell.
  const school = await db
    .insertInto('school')
    .values({ municipality_id: demo!.id, name: 'Nybygget skole', org_number: '999000077', hovudmaal: 'nb' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ownerNow = await staff('school-owner');
  const municipality = (await listNoticeMunicipalities(db, ownerNow)).find((m) => m.id === demo!.id)!;
  assert.ok(municipality.schools.some((s) => s.id === school.id));
  assert.equal(await guardiansAt([school.id], [...TRINN]), 0);
  const sent = await sendMunicipalityNotice(db, ownerNow, municipality, values([school.id]), randomUUID(), TODAY, NOW);
  assert.deepEqual(sent, { ok: false, errors: { schools: 'no_recipients' } });
  assert.equal((await db.selectFrom('broadcast').select('id').execute()).length, before.length);
});
