import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { loadActor } from '../../src/domain/access/actor.ts';
import { answerConsent } from '../../src/domain/consents/answer.ts';
import { loadChildConsents } from '../../src/domain/consents/child.ts';
import {
  giveGeneralConsent,
  needsGeneralConsentGate,
  withdrawGeneralConsent,
} from '../../src/domain/consents/general.ts';
import { applyNesting, combineAnswers, effectiveStates, matchesFilter } from '../../src/domain/consents/state.ts';
import { listConsentTypes } from '../../src/domain/consents/types.ts';
import { requireGuardianChild } from '../../src/domain/guardian/child.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

describe('the effective state (pure rules)', () => {
  test('given only if every counted guardian gave it; refused if any refused; else unanswered', () => {
    assert.equal(combineAnswers(['given', 'given']), 'given');
    assert.equal(combineAnswers(['given', undefined]), 'unanswered');
    assert.equal(combineAnswers(['given', 'refused']), 'refused');
    assert.equal(combineAnswers([undefined, 'refused']), 'refused');
    assert.equal(combineAnswers([]), 'unanswered', 'no guardian with parental responsibility: nothing is given');
  });
  test('a sub-consent is not given while its parent is not', () => {
    assert.equal(applyNesting('given', 'given'), 'given');
    assert.equal(applyNesting('given', 'refused'), 'refused');
    assert.equal(applyNesting('given', 'unanswered'), 'unanswered');
    assert.equal(applyNesting('refused', 'given'), 'refused');
    const states = effectiveStates(
      [
        { id: 1, parentId: null },
        { id: 2, parentId: 1 },
      ],
      [10, 11],
      (type, guardian) => (type === 1 && guardian === 11 ? 'refused' : 'given'),
    );
    assert.deepEqual(
      [...states.entries()],
      [
        [1, 'refused'],
        [2, 'refused'],
      ],
    );
    assert.ok(
      matchesFilter('refused', 'not_given') &&
        matchesFilter('unanswered', 'not_given') &&
        !matchesFilter('given', 'not_given'),
    );
  });
});

const db = await createDemoTestDb('2026-11-25');
const kariId = await loginPersonId(db, 'guardian');
const kari = (await loadActor(db, kariId, 'idporten'))!;
const sofieId = (
  await db
    .selectFrom('guardian_relation as r')
    .innerJoin('person as p', 'p.id', 'r.pupil_id')
    .select('p.id')
    .where('r.guardian_id', '=', kariId)
    .where('p.given_name', '=', 'Sofie')
    .executeTakeFirstOrThrow()
).id;
const sofie = await requireGuardianChild(db, kari, sofieId);
const answers = () =>
  db.selectFrom('consent_answer').select(['consent_type_id', 'state']).where('guardian_id', '=', kariId).execute();
const outbox = async () =>
  (await db.selectFrom('outbox').select('id').where('category', '=', 'consents').execute()).length;

test("the seed defines the municipality's consents for both school owners, nested photos included, in three languages", async () => {
  for (const owner of ['Demo kommune', 'Stiftelsen Nordlys']) {
    const municipality = await db
      .selectFrom('municipality')
      .select('id')
      .where('name', '=', owner)
      .executeTakeFirstOrThrow();
    const school = await db
      .selectFrom('school')
      .select('id')
      .where('municipality_id', '=', municipality.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const types = await listConsentTypes(db, municipality.id, school.id);
    assert.deepEqual(
      types.map((t) => t.key),
      ['opplysninger-riktige', 'bil', 'foto', 'foto-klasserom', 'foto-internett', 'video', 'svomming', 'klasseliste'],
      owner,
    );
    const foto = types.find((t) => t.key === 'foto')!;
    assert.deepEqual(
      types.filter((t) => t.parentId === foto.id).map((t) => t.name.nb),
      ['Vises i klasserommet', 'Publiseres på internett'],
    );
    assert.equal(types.find((t) => t.key === 'svomming')!.name.nn, 'Symjing');
    assert.equal(types.find((t) => t.key === 'klasseliste')!.name.en, 'Listed on the class list');
  }
});

test('a consent defined for one school applies only there; school_id null applies at every school', async () => {
  const fjellheim = await db
    .selectFrom('school')
    .select(['id', 'municipality_id'])
    .where('name', '=', 'Fjellheim skule')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('consent_type')
    .values({
      municipality_id: fjellheim.municipality_id,
      school_id: fjellheim.id,
      key: 'leirskule',
      name_nb: 'Leirskole',
      name_nn: 'Leirskule',
      name_en: 'Camp school',
      position: 100,
    })
    .execute();
  assert.ok((await listConsentTypes(db, fjellheim.municipality_id, fjellheim.id)).some((t) => t.key === 'leirskule'));
  assert.ok(!(await listConsentTypes(db, sofie.municipalityId, sofie.schoolId)).some((t) => t.key === 'leirskule'));
  await assert.rejects(
    answerConsent(db, kari, sofie, 'leirskule', 'given'),
    /Not found/,
    "not a consent at Sofie's school",
  );
});

test('locked until the general consent is given; the gate is asked until decided', async () => {
  assert.equal(await needsGeneralConsentGate(db, kari, null), true);
  assert.deepEqual(await answerConsent(db, kari, sofie, 'foto', 'given'), { ok: false, reason: 'locked' });
  assert.equal((await answers()).length, 0);
  assert.equal((await loadChildConsents(db, kari, sofie)).locked, true);
  await giveGeneralConsent(db, kari);
  assert.equal(await needsGeneralConsentGate(db, kari, null), false);
  assert.deepEqual(await answerConsent(db, kari, sofie, 'foto', 'given'), { ok: true, changed: true });
});

test('the nested rule in the domain: no sub-consent "given" while the own parent answer is not given', async () => {
  await answerConsent(db, kari, sofie, 'foto', 'refused');
  const result = await answerConsent(db, kari, sofie, 'foto-klasserom', 'given');
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, 'parent_not_given');
  assert.ok(!(await answers()).some((a) => a.state === 'given'), 'nothing saved');
  assert.deepEqual(
    await answerConsent(db, kari, sofie, 'foto-klasserom', 'refused'),
    { ok: true, changed: true },
    'refusing is always allowed',
  );
  const item = (await loadChildConsents(db, kari, sofie)).items.find((i) => i.type.key === 'foto-klasserom')!;
  assert.equal(item.mayGive, false);
});

test('the answer and its notifications are one transaction: if notifying fails, nothing is saved', async () => {
  await answerConsent(db, kari, sofie, 'foto', 'given');
  const before = {
    answers: await answers(),
    outbox: await outbox(),
    events: (await db.selectFrom('consent_event').select('id').execute()).length,
  };
  await sql`alter table outbox add constraint test_no_consents check (category <> 'consents') not valid`.execute(db);
  try {
    await assert.rejects(answerConsent(db, kari, sofie, 'video', 'given'));
  } finally {
    await sql`alter table outbox drop constraint test_no_consents`.execute(db);
  }
  assert.deepEqual(await answers(), before.answers);
  assert.equal(await outbox(), before.outbox);
  assert.equal((await db.selectFrom('consent_event').select('id').execute()).length, before.events);
  assert.deepEqual(await answerConsent(db, kari, sofie, 'video', 'given'), { ok: true, changed: true });
  assert.ok((await outbox()) > before.outbox);
});

test('withdrawing the general consent clears the given answers, keeps refusals and history, and locks again', async () => {
  const given = (await answers()).filter((a) => a.state === 'given').length;
  assert.ok(given >= 2);
  const notified = await outbox();
  await withdrawGeneralConsent(db, kari);
  assert.ok((await answers()).every((a) => a.state === 'refused'));
  assert.ok((await outbox()) >= notified + given, 'the contact teachers are told of each withdrawn consent');
  const consents = await loadChildConsents(db, kari, sofie);
  assert.equal(consents.locked, true);
  assert.equal(consents.history.filter((h) => h.reason === 'general_withdrawn').length, given);
  assert.equal(await needsGeneralConsentGate(db, kari, null), false, 'a withdrawal is a decision');
});
