import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

// Issue 16, item 2 (D7): the school owner's button for the Noark 5 arkivuttrekk — a plain form (it works without
// JavaScript: the answer is a file), a 422 with the dates kept, 404 for everyone else.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const client = createTestApp(db, {}, { clock: () => new Date(`${TODAY}T10:00:00+01:00`) });
const demo = await db
  .selectFrom('municipality')
  .select('id')
  .where('name', '=', 'Demo kommune')
  .executeTakeFirstOrThrow();
const nordlys = await db
  .selectFrom('municipality')
  .select('id')
  .where('name', '=', 'Stiftelsen Nordlys')
  .executeTakeFirstOrThrow();
const owner = await loginPersonId(db, 'school-owner');
const randi = { cookie: await sessionCookie(db, owner, 'feide') };
const path = `/municipalities/${demo.id}/archive`;

test('the school owner sees what is archived and the period of the running school year', async () => {
  const res = await client.get(path, randi);
  assert.equal(res.status, 200);
  const { document, text } = await html(res);
  assert.equal(document.querySelector('h1')?.textContent, 'Arkivuttrekk: Demo kommune');
  assert.match(text, /Arkiverte journalposter: \d+/);
  assert.equal(document.querySelector<HTMLInputElement>('#archive-from')?.getAttribute('value'), '01.08.2026');
  assert.equal(document.querySelector<HTMLInputElement>('#archive-to')?.getAttribute('value'), '25.11.2026');
  const form = document.querySelector('main form');
  assert.equal(form?.getAttribute('action'), `${path}/extract`);
  assert.equal(form?.getAttribute('hx-post'), null, 'a plain form: the answer is a file');
});

test('the download is a tar package of the extract, audited, and nothing is left on the server', async () => {
  const before = (await readdir(tmpdir())).filter((n) => n.startsWith('skolebro-extract-')).length;
  const res = await client.post(`${path}/extract`, { from: '01.08.2026', to: '25.11.2026' }, randi);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/x-tar');
  assert.match(
    res.headers.get('content-disposition') ?? '',
    /attachment; filename="arkivuttrekk-Demo kommune-2026-08-01-2026-11-25\.tar"/,
  );
  const tar = Buffer.from(await res.arrayBuffer());
  assert.equal(tar.subarray(0, 16).toString('utf8').replace(/\0+$/, ''), 'arkivuttrekk.xml');
  assert.equal(tar.subarray(257, 262).toString('utf8'), 'ustar');
  assert.ok(tar.includes(Buffer.from('<offentligJournal')), 'the public journal is in the package');
  const audit = await db
    .selectFrom('audit_log')
    .select(['actor_person_id', 'details'])
    .where('action', '=', 'archive.extract')
    .executeTakeFirstOrThrow();
  assert.equal(audit.actor_person_id, owner);
  assert.equal((audit.details as { from: string }).from, '2026-08-01');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const after = (await readdir(tmpdir())).filter((n) => n.startsWith('skolebro-extract-')).length;
  assert.equal(after, before, 'the temporary directory is removed once sent');
});

test('bad dates come back with the values and a message per field; an empty period says so', async () => {
  const bad = await client.post(`${path}/extract`, { from: '31.02.2026', to: 'i går' }, randi);
  assert.equal(bad.status, 422);
  const { document } = await html(bad);
  assert.equal(document.querySelector('#archive-from')?.getAttribute('value'), '31.02.2026');
  assert.equal(document.querySelector('#archive-to')?.getAttribute('value'), 'i går');
  assert.equal(document.querySelector('#archive-from')?.getAttribute('aria-invalid'), 'true');
  assert.equal(document.querySelectorAll('[role="alert"] li').length, 2);
  const reversed = await html(await client.post(`${path}/extract`, { from: '25.11.2026', to: '01.08.2026' }, randi));
  assert.match(reversed.text, /Til-datoen kan ikke være før fra-datoen/);
  const empty = await client.post(`${path}/extract`, { from: '01.01.2020', to: '31.12.2020' }, randi);
  assert.equal(empty.status, 422);
  assert.match((await html(empty)).text, /Ingenting er journalført i denne perioden/);
});

test('anyone but the school owner of that municipality gets 404', async () => {
  assert.equal((await client.get(`/municipalities/${nordlys.id}/archive`, randi)).status, 404, 'another owner');
  assert.equal(
    (
      await client.post(
        `/municipalities/${nordlys.id}/archive/extract`,
        { from: '01.08.2026', to: '25.11.2026' },
        randi,
      )
    ).status,
    404,
  );
  for (const key of ['leadership', 'contact-teacher', 'sfo-leader'] as const) {
    const cookie = { cookie: await sessionCookie(db, await loginPersonId(db, key), 'feide') };
    assert.equal((await client.get(path, cookie)).status, 404, key);
    assert.equal(
      (await client.post(`${path}/extract`, { from: '01.08.2026', to: '25.11.2026' }, cookie)).status,
      404,
      key,
    );
  }
  const guardian = { cookie: await sessionCookie(db, await loginPersonId(db, 'guardian'), 'idporten') };
  assert.equal((await client.get(path, guardian)).status, 404);
  assert.equal((await client.get('/municipalities/abc/archive', randi)).status, 404);
});
