import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
const client = createTestApp(db);
const owner = await loginPersonId(db, 'school-owner');
const demo = (
  await db.selectFrom('municipality').select('id').where('name', '=', 'Demo kommune').executeTakeFirstOrThrow()
).id;
const nordlys = (
  await db.selectFrom('municipality').select('id').where('name', '=', 'Stiftelsen Nordlys').executeTakeFirstOrThrow()
).id;
const settingsOf = (id: number) =>
  db
    .selectFrom('municipality')
    .select(['leave_limit_days', 'absence_follow_up_time'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

test('the school owner sets the leave limit and the follow-up time; "9.30" is read as 09:30 and audited', async () => {
  const cookie = await sessionCookie(db, owner, 'feide');
  const page = await html(await client.get('/municipalities/settings', { cookie }));
  assert.equal(page.document.querySelector(`#settings-${demo}-leaveLimitDays`)?.getAttribute('value'), '10');
  assert.equal(page.document.querySelector(`#settings-${demo}-absenceFollowUpTime`)?.getAttribute('value'), '10:00');
  const saved = await client.post(
    `/municipalities/${demo}/settings`,
    {
      leave_limit_days: '12',
      absence_follow_up_time: '9.30',
      sfo_free_hours_per_week: '14',
      sfo_free_hours_last_trinn: '4',
    },
    { cookie },
  );
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), '/municipalities/settings?saved=1');
  assert.deepEqual(await settingsOf(demo), { leave_limit_days: 12, absence_follow_up_time: '09:30' });
  assert.deepEqual(
    await db
      .selectFrom('municipality')
      .select(['sfo_free_hours_per_week', 'sfo_free_hours_last_trinn'])
      .where('id', '=', demo)
      .executeTakeFirstOrThrow(),
    { sfo_free_hours_per_week: 14, sfo_free_hours_last_trinn: 4 },
    'the SFO free hours (issue 12)',
  );
  const audit = await db
    .selectFrom('audit_log')
    .select(['actor_person_id', 'record_id'])
    .where('action', '=', 'municipality.settings')
    .execute();
  assert.deepEqual(audit, [{ actor_person_id: owner, record_id: String(demo) }]);
});

test('bad values come back with the typed values, one message per field and a summary; nothing is saved', async () => {
  const cookie = await sessionCookie(db, owner, 'feide');
  const res = await client.post(
    `/municipalities/${demo}/settings`,
    {
      leave_limit_days: 'ti',
      absence_follow_up_time: '25:00',
      sfo_free_hours_per_week: '8',
      sfo_free_hours_last_trinn: '5',
    },
    { cookie },
  );
  assert.equal(res.status, 422);
  const { document } = await html(res);
  assert.equal(document.querySelector(`#settings-${demo}-leaveLimitDays`)?.getAttribute('value'), 'ti');
  assert.equal(document.querySelector(`#settings-${demo}-absenceFollowUpTime`)?.getAttribute('value'), '25:00');
  assert.equal(document.querySelectorAll('[role="alert"] li a').length, 4);
  assert.equal(document.querySelector(`#settings-${demo}-sfoFreeHoursPerWeek`)?.getAttribute('value'), '8');
  assert.match(
    document.querySelector(`#settings-${demo}-sfoFreeHoursPerWeek-error`)?.textContent ?? '',
    /fra 12 til 40/,
  );
  assert.match(
    document.querySelector(`#settings-${demo}-leaveLimitDays-error`)?.textContent ?? '',
    /helt tall fra 0 til 190/,
  );
  assert.deepEqual(await settingsOf(demo), { leave_limit_days: 12, absence_follow_up_time: '09:30' });
});

test("nobody else reaches the settings: rektor, teacher, guardian → 404; another owner's municipality → 404", async () => {
  for (const [key, via] of [
    ['leadership', 'feide'],
    ['contact-teacher', 'feide'],
    ['guardian', 'idporten'],
  ] as const) {
    const cookie = await sessionCookie(db, await loginPersonId(db, key), via);
    assert.equal((await client.get('/municipalities/settings', { cookie })).status, 404, key);
    assert.equal(
      (
        await client.post(
          `/municipalities/${demo}/settings`,
          { leave_limit_days: '1', absence_follow_up_time: '08:00' },
          { cookie },
        )
      ).status,
      404,
      key,
    );
  }
  const cookie = await sessionCookie(db, owner, 'feide');
  assert.equal(
    (
      await client.post(
        `/municipalities/${nordlys}/settings`,
        { leave_limit_days: '1', absence_follow_up_time: '08:00' },
        { cookie },
      )
    ).status,
    404,
  );
  assert.equal(
    (
      await client.post(
        `/municipalities/${nordlys}/settings`,
        { leave_limit_days: 'x', absence_follow_up_time: '08:00' },
        { cookie },
      )
    ).status,
    404,
  );
  assert.equal((await settingsOf(nordlys)).leave_limit_days, 10);
});
