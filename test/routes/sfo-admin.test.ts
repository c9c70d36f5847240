import assert from 'node:assert/strict';
import { countStatements } from '../../src/db/counting.ts';
import { test } from 'node:test';
import type { Db } from '../../src/db/database.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { insertStaff, loginPersonId } from '../support/fixtures.ts';

const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const clock = () => new Date(`${TODAY}T10:00:00Z`);
const client = createTestApp(db, {}, { clock });
const counter = countStatements(db);
const counted = counter.db;
const countingClient = createTestApp(counted, {}, { clock });

const sfoId = async (name: string) =>
  (await db.selectFrom('sfo').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const BJ_SFO = await sfoId('Bjørkelia SFO');
const FJ_SFO = await sfoId('Fjellheim SFO');
const fjSchool = await db
  .selectFrom('school')
  .select(['id', 'municipality_id'])
  .where('name', '=', 'Fjellheim skule')
  .executeTakeFirstOrThrow();
const cookieOf = async (key: Parameters<typeof loginPersonId>[1], via: 'feide' | 'idporten' = 'feide') =>
  sessionCookie(db, await loginPersonId(db, key), via);
const otherSchoolLeader = await insertStaff(db, {
  role: 'leadership',
  municipalityId: fjSchool.municipality_id,
  schoolId: fjSchool.id,
});
const otherLeaderCookie = await sessionCookie(db, otherSchoolLeader, 'feide');

const BASIS = `/sfo/${BJ_SFO}/invoice-basis?month=2026-11`;
const CSV = `/sfo/${BJ_SFO}/invoice-basis.csv?month=2026-11`;
const SETTINGS = `/sfo/${BJ_SFO}/settings`;

test('the SFO leader, leadership and the school owner see the invoice basis, the CSV and the prices', async () => {
  for (const key of ['sfo-leader', 'leadership', 'school-owner'] as const) {
    const cookie = await cookieOf(key);
    const list = await html(await client.get('/sfo', { cookie }));
    assert.ok(
      list.document.querySelector(`a[href="/sfo/${BJ_SFO}/invoice-basis"]`),
      `${key}: the list links the basis`,
    );
    assert.ok(list.document.querySelector(`a[href="${SETTINGS}"]`), key);
    const page = await client.get(BASIS, { cookie });
    assert.equal(page.status, 200, key);
    const { document } = await html(page);
    assert.ok(document.querySelectorAll('tbody[id^="payer-"]').length > 0, `${key}: payers listed`);
    assert.match(document.body.textContent ?? '', /kr/);
    const csv = await client.get(CSV, { cookie });
    assert.equal(csv.status, 200, key);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
    assert.ok(bytes.subarray(3).toString('utf8').startsWith('"Måned";'));
    assert.equal((await client.get(SETTINGS, { cookie })).status, 200, key);
  }
  const roles = await db
    .selectFrom('audit_log')
    .select('actor_role')
    .where('action', '=', 'sfo_invoice.export')
    .orderBy('id')
    .execute();
  assert.deepEqual(
    roles.map((r) => r.actor_role),
    ['sfo_leader', 'leadership', 'school_owner'],
  );
  // summer SFO and reductions are for the leader and leadership ('run'), not the owner
  const owner = await html(await client.get('/sfo', { cookie: await cookieOf('school-owner') }));
  assert.equal(owner.document.querySelector(`a[href="/sfo/${BJ_SFO}/summer"]`), null);
  const leader = await html(await client.get('/sfo', { cookie: await cookieOf('sfo-leader') }));
  assert.ok(leader.document.querySelector(`a[href="/sfo/${BJ_SFO}/summer"]`));
  assert.ok(leader.document.querySelector(`a[href="/sfo/${BJ_SFO}/reductions"]`));
});

test('SFO staff, a teacher, another school and a guardian get 404 (list, basis, CSV, settings); a bad month is 404 too', async () => {
  const others = [
    ['sfo-staff', await cookieOf('sfo-staff')],
    ['teacher', await cookieOf('teacher')],
    ['contact-teacher', await cookieOf('contact-teacher')],
    ['guardian', await cookieOf('guardian', 'idporten')],
  ] as const;
  for (const [key, cookie] of others)
    for (const path of ['/sfo', BASIS, CSV, SETTINGS])
      assert.equal((await client.get(path, { cookie })).status, 404, `${key} ${path}`);
  for (const path of [BASIS, CSV, SETTINGS])
    assert.equal((await client.get(path, { cookie: otherLeaderCookie })).status, 404, `other school ${path}`);
  assert.equal((await client.get(`/sfo/${FJ_SFO}/invoice-basis`, { cookie: otherLeaderCookie })).status, 200);
  const leader = await cookieOf('sfo-leader');
  for (const month of ['2026-13', 'nov', '2026-1', '9999-01'])
    assert.equal(
      (await client.get(`/sfo/${BJ_SFO}/invoice-basis?month=${month}`, { cookie: leader })).status,
      404,
      month,
    );
  assert.equal((await client.get(`/sfo/${FJ_SFO}/invoice-basis`, { cookie: leader })).status, 404);
  assert.equal((await client.get('/sfo/0/invoice-basis', { cookie: leader })).status, 404);
  assert.equal(
    (
      await db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'sfo_invoice.export')
        .where('actor_person_id', 'in', [otherSchoolLeader])
        .execute()
    ).length,
    0,
  );
});

test('the invoice basis runs a bounded, fixed number of queries for any month', async () => {
  const cookie = await cookieOf('sfo-leader');
  const run = async (month: string) => {
    counter.reset();
    assert.equal((await countingClient.get(`/sfo/${BJ_SFO}/invoice-basis?month=${month}`, { cookie })).status, 200);
    return counter.count;
  };
  const november = await run('2026-11');
  assert.equal(await run('2026-10'), november);
  assert.ok(november <= 15, `${november} queries`);
});

test('only the school owner edits prices: settings and offers saved and audited; 422 keeps the values; others 404', async () => {
  const owner = await cookieOf('school-owner');
  const saved = await client.post(
    SETTINGS,
    // URLSearchParams from an object cannot repeat a key: the months as a string body below
    {},
    { cookie: owner },
  );
  assert.equal(saved.status, 422, 'no month chosen');
  const body =
    'billing_month=1&billing_month=2&billing_month=8&sibling_discount_percent=25&capacity=150&notice_months=2';
  const ok = await client.app.request(`http://localhost:3000${SETTINGS}`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://localhost:3000',
      'sec-fetch-site': 'same-origin',
      cookie: owner,
    },
  });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), `${SETTINGS}?notice=saved`);
  assert.deepEqual(
    await db
      .selectFrom('sfo')
      .select(['billing_months', 'sibling_discount_percent', 'capacity', 'notice_months'])
      .where('id', '=', BJ_SFO)
      .executeTakeFirstOrThrow(),
    { billing_months: [1, 2, 8], sibling_discount_percent: 25, capacity: 150, notice_months: 2 },
  );

  const bad = await client.post(
    `/sfo/${BJ_SFO}/offers`,
    {
      name: 'Morgen',
      kind: 'days',
      days_per_week: '5',
      percent: '',
      hours_per_week: '6',
      monthly_price: 'mye',
      food: '0',
    },
    { cookie: owner },
  );
  assert.equal(bad.status, 422);
  const { document } = await html(bad);
  assert.equal(document.querySelector('#offer-new-name')?.getAttribute('value'), 'Morgen');
  assert.equal(document.querySelector('#offer-new-monthlyPrice')?.getAttribute('value'), 'mye');
  assert.equal(document.querySelectorAll('[role="alert"] li a').length, 2);
  assert.match(document.querySelector('#offer-new-daysPerWeek-error')?.textContent ?? '', /1 til 4/);

  const created = await client.post(
    `/sfo/${BJ_SFO}/offers`,
    {
      name: 'Morgen',
      kind: 'days',
      days_per_week: '2',
      percent: '',
      hours_per_week: '6',
      monthly_price: '1 200,50',
      food: '',
    },
    { cookie: owner },
  );
  assert.equal(created.status, 303);
  const offer = await db
    .selectFrom('sfo_offer')
    .selectAll()
    .where('sfo_id', '=', BJ_SFO)
    .where('name', '=', 'Morgen')
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [offer.kind, offer.days_per_week, offer.hours_per_week, offer.monthly_price_ore, offer.food_ore],
    ['days', 2, 6, 120_050, 0],
  );
  const updated = await client.post(
    `/sfo/${BJ_SFO}/offers/${offer.id}`,
    {
      name: 'Morgen',
      kind: 'days',
      days_per_week: '2',
      percent: '',
      hours_per_week: '6',
      monthly_price: '1300',
      food: '50',
    },
    { cookie: owner },
  );
  assert.equal(updated.status, 303);
  const closed = await client.post(`/sfo/${BJ_SFO}/offers/${offer.id}/close`, {}, { cookie: owner });
  assert.equal(closed.status, 303);
  const after = await db
    .selectFrom('sfo_offer')
    .select(['monthly_price_ore', 'food_ore', 'closed_on'])
    .where('id', '=', offer.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(after, { monthly_price_ore: 130_000, food_ore: 5_000, closed_on: TODAY });
  const audit = await db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'in', ['sfo.settings', 'sfo_offer.create', 'sfo_offer.update', 'sfo_offer.close'])
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['sfo.settings', 'sfo_offer.create', 'sfo_offer.update', 'sfo_offer.close'],
  );
  // an offer of another SFO through this SFO's address → 404
  const fjOffer = (await db.selectFrom('sfo_offer').select('id').where('sfo_id', '=', FJ_SFO).executeTakeFirstOrThrow())
    .id;
  assert.equal((await client.post(`/sfo/${BJ_SFO}/offers/${fjOffer}/close`, {}, { cookie: owner })).status, 404);

  // the SFO leader and leadership read the prices, without forms; their posts are 404
  for (const key of ['sfo-leader', 'leadership'] as const) {
    const cookie = await cookieOf(key);
    const page = await html(await client.get(SETTINGS, { cookie }));
    assert.equal(page.document.querySelectorAll('form[action^="/sfo/"]').length, 0, key);
    assert.match(page.text, /Morgen/);
    assert.equal(
      (
        await client.post(
          `/sfo/${BJ_SFO}/offers`,
          { name: 'X', kind: 'full', hours_per_week: '1', monthly_price: '1' },
          { cookie },
        )
      ).status,
      404,
      key,
    );
    assert.equal((await client.post(SETTINGS, {}, { cookie })).status, 404, key);
  }
});

test("a guardian sees their own child's line where they are the payer; another family's child is 404", async () => {
  const guardian = await loginPersonId(db, 'guardian');
  const cookie = await sessionCookie(db, guardian, 'idporten');
  const children = await db
    .selectFrom('guardian_relation')
    .select('pupil_id')
    .where('guardian_id', '=', guardian)
    .where('blocked', '=', false)
    .execute();
  await db
    .updateTable('sfo')
    .set({ billing_months: [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12] })
    .execute();
  // the demo guardian's first child gets a place in the SFO of its school, paid by the guardian
  const child = await db
    .selectFrom('enrolment as e')
    .innerJoin('sfo as f', 'f.school_id', 'e.school_id')
    .select(['e.pupil_id', 'f.id as sfo_id'])
    .where(
      'e.pupil_id',
      'in',
      children.map((c) => c.pupil_id),
    )
    .where('e.ends_on', 'is', null)
    .orderBy('e.pupil_id')
    .executeTakeFirstOrThrow();
  const offerId = (
    await db
      .selectFrom('sfo_offer')
      .select('id')
      .where('sfo_id', '=', child.sfo_id)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
  const place = await db
    .insertInto('sfo_enrolment')
    .values({
      sfo_id: child.sfo_id,
      pupil_id: child.pupil_id,
      starts_on: '2026-11-01',
      offer_id: offerId,
      payer_id: guardian,
    })
    .returning(['id', 'pupil_id', 'payer_id'])
    .executeTakeFirstOrThrow();
  const res = await client.get(`/children/${place.pupil_id}/sfo/invoice?month=2026-11`, { cookie });
  assert.equal(res.status, 200);
  const { document, text } = await html(res);
  assert.ok(document.querySelector('#sfo-invoice table'), 'a line');
  assert.match(text, /Sum/);
  // when the other guardian pays: no amounts, a note
  const other = await insertStaff(db, {
    role: 'teacher',
    municipalityId: fjSchool.municipality_id,
    schoolId: fjSchool.id,
  });
  await db.updateTable('sfo_enrolment').set({ payer_id: other }).where('id', '=', place.id).execute();
  const note = await html(await client.get(`/children/${place.pupil_id}/sfo/invoice?month=2026-11`, { cookie }));
  assert.equal(note.document.querySelector('#sfo-invoice table'), null);
  assert.match(note.text, /annen foresatt er betaler/);
  await db.deleteFrom('sfo_enrolment').where('id', '=', place.id).execute();
  // another family's child, and staff through this address → 404
  const stranger = await db
    .selectFrom('sfo_enrolment')
    .select('pupil_id')
    .where(
      'pupil_id',
      'not in',
      children.map((c) => c.pupil_id),
    )
    .executeTakeFirstOrThrow();
  assert.equal((await client.get(`/children/${stranger.pupil_id}/sfo/invoice`, { cookie })).status, 404);
  assert.equal(
    (await client.get(`/children/${place.pupil_id}/sfo/invoice`, { cookie: await cookieOf('sfo-leader') })).status,
    404,
  );
});

test('the staff home links to /sfo for the SFO leader, not for SFO staff', async () => {
  const leader = await html(await client.get('/home', { cookie: await cookieOf('sfo-leader') }));
  assert.ok(leader.document.querySelector('a[href="/sfo"]'));
  const staff = await html(await client.get('/home', { cookie: await cookieOf('sfo-staff') }));
  assert.equal(staff.document.querySelector('a[href="/sfo"]'), null);
});

test('hostile values on the price forms and the month are a 422 or 404, never a 5xx', async () => {
  const owner = await cookieOf('school-owner');
  for (const value of ['a\u0000b', 'x'.repeat(100_000), '-1', '99999999999999999999', '1e308', '3,999'])
    for (const [path, form] of [
      [SETTINGS, { billing_month: value, sibling_discount_percent: value, capacity: value, notice_months: value }],
      [
        `/sfo/${BJ_SFO}/offers`,
        {
          name: value,
          kind: value,
          days_per_week: value,
          percent: value,
          hours_per_week: value,
          monthly_price: value,
          food: value,
        },
      ],
    ] as const) {
      const res = await client.post(path, form, { cookie: owner });
      assert.equal(res.status, 422, `${path} ${value.slice(0, 20)}`);
    }
  const leader = await cookieOf('sfo-leader');
  for (const q of ['month=%00', 'month=2026-11&page=99999', 'month=2026-11&page=-1', `month=${'9'.repeat(5000)}`]) {
    const res = await client.get(`/sfo/${BJ_SFO}/invoice-basis?${q}`, { cookie: leader });
    assert.ok(res.status < 500, `${q}: ${res.status}`);
  }
});
