import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import type { DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

const db = await createDemoTestDb('2026-11-25');
const client = createTestApp(db, {}, { clock: () => new Date('2026-11-25T10:00:00+01:00') });

const personByLogin = (key: string) => loginPersonId(db, key as DemoLoginKey);
async function childOf(guardianId: number, given: string): Promise<number> {
  return (
    await db
      .selectFrom('guardian_relation as r')
      .innerJoin('person as p', 'p.id', 'r.pupil_id')
      .select('p.id')
      .where('r.guardian_id', '=', guardianId)
      .where('p.given_name', '=', given)
      .executeTakeFirstOrThrow()
  ).id;
}
const kari = await personByLogin('guardian');
const ola = await personByLogin('guardian-private');
const geir = await personByLogin('guardian-blocked');
const sofie = await childOf(kari, 'Sofie');
const emil = await childOf(ola, 'Emil');
const maja = await childOf(geir, 'Maja');
const headers = (cookie: string) => ({ cookie });
const dayHeadings = (document: Document) =>
  Array.from(document.querySelectorAll('#timetable [id^="day-"]')).map((h) =>
    h.textContent?.replace(/\s+/g, ' ').trim(),
  );

test("a guardian sees the child's week with dates, lessons and a next-week link", async () => {
  const cookie = await sessionCookie(db, kari, 'idporten');
  const res = await client.get(`/children/${sofie}/timetable?week=2026-W48`, headers(cookie));
  assert.equal(res.status, 200);
  const { document } = await html(res);
  // A tab of the child page: the child's name on top, the tabs kept, "Timeplan" the current one.
  assert.match(document.querySelector('h1')?.textContent ?? '', /Sofie Nordmann/);
  assert.match(document.querySelector('#timetable h2')?.textContent ?? '', /Timeplan for Sofie/);
  assert.equal(document.querySelector('nav [aria-current="page"]')?.textContent?.trim(), 'Timeplan');
  assert.ok(document.querySelector(`nav a[href="/children/${sofie}/messages"]`), 'the other tabs are there');
  assert.deepEqual(dayHeadings(document), [
    'Mandag 23.11.2026',
    'Tirsdag 24.11.2026',
    'Onsdag 25.11.2026',
    'Torsdag 26.11.2026',
    'Fredag 27.11.2026',
  ]);
  assert.match(document.querySelector('#timetable')?.textContent ?? '', /Norsk/);
  assert.ok(document.querySelectorAll('#timetable li').length >= 20, 'lessons every day');
  assert.equal(
    document.querySelector('a[rel="next"]')?.getAttribute('href'),
    `/children/${sofie}/timetable?week=2026-W49`,
  );
});

test('juleferie is shown instead of lessons', async () => {
  const cookie = await sessionCookie(db, kari, 'idporten');
  const { document } = await html(await client.get(`/children/${sofie}/timetable?week=2026-W52`, headers(cookie)));
  assert.equal(document.querySelectorAll('#timetable li').length, 0);
  assert.equal((document.querySelector('#timetable')?.textContent?.match(/Juleferie/g) ?? []).length, 5);
});

test("another family's child and a blocked guardian answer 404", async () => {
  const cookie = await sessionCookie(db, kari, 'idporten');
  assert.equal((await client.get(`/children/${emil}/timetable`, headers(cookie))).status, 404);
  assert.equal((await client.post(`/children/${emil}/timetable/feed`, {}, headers(cookie))).status, 404);
  const blocked = await sessionCookie(db, geir, 'idporten');
  assert.equal((await client.get(`/children/${maja}/timetable`, headers(blocked))).status, 404);
});

test('a pupil sees their own week and a teacher sees the lessons they teach', async () => {
  const pupil = await sessionCookie(db, await personByLogin('pupil'), 'feide');
  const { document } = await html(await client.get('/timetable?week=2026-W48', headers(pupil)));
  assert.equal(dayHeadings(document).length, 5);
  assert.ok(document.querySelectorAll('#timetable li').length >= 20);
  const teacher = await sessionCookie(db, await personByLogin('contact-teacher'), 'feide');
  const teacherPage = await html(await client.get('/timetable?week=2026-W48', headers(teacher)));
  assert.match(teacherPage.document.querySelector('#timetable')?.textContent ?? '', /5A/);
});

test('the iCal feed: create, fetch with escaped content, revoke → 404', async () => {
  const cookie = await sessionCookie(db, kari, 'idporten');
  const created = await client.post(`/children/${sofie}/timetable/feed`, {}, headers(cookie));
  assert.equal(created.status, 200);
  const url = (await html(created)).document.querySelector('#feed-url')?.textContent ?? '';
  const path = new URL(url).pathname;
  assert.match(path, /^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const stored = await db
    .selectFrom('calendar_feed_token')
    .select('token_hash')
    .where('pupil_id', '=', sofie)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  assert.ok(!url.includes(stored.token_hash.toString('base64url')), 'only the hash is stored');

  const room = 'Rom A, bak; gymsal\\nord – ved den store inngangen på østsiden av nybygget til skolen';
  await db.updateTable('lesson').set({ room }).where('room', '<>', 'Gymsal').execute();
  const feed = await client.get(path);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type') ?? '', /^text\/calendar/);
  const text = await feed.text();
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'CRLF only');
  assert.ok(
    text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75),
    'folded at 75 octets',
  );
  assert.match(text, /X-WR-CALNAME:Timeplan – Sofie\r\n/);
  assert.ok(!text.includes('Nordmann'), 'first name only');
  assert.ok(text.includes('\r\n '), 'long lines are folded');
  assert.ok(
    text.replace(/\r\n /g, '').includes('LOCATION:Rom A\\, bak\\; gymsal\\\\nord – ved den store inngangen'),
    'escaped',
  );
  assert.match(text, /DTSTART;TZID=Europe\/Oslo:20261125T081500/);
  assert.match(text, /UID:/);
  assert.match(text, /DTSTAMP:\d{8}T\d{6}Z/);

  const revoked = await client.post(`/children/${sofie}/timetable/feed/revoke`, {}, headers(cookie));
  assert.equal(revoked.status, 303);
  assert.equal((await client.get(path)).status, 404);
  assert.equal((await client.get('/calendar/unknown.ics')).status, 404);
});

test('the feed answers 404 once the guardian is blocked', async () => {
  const cookie = await sessionCookie(db, kari, 'idporten');
  const created = await client.post(`/children/${sofie}/timetable/feed`, {}, headers(cookie));
  const path = new URL((await html(created)).document.querySelector('#feed-url')?.textContent ?? '').pathname;
  assert.equal((await client.get(path)).status, 200);
  await db
    .updateTable('guardian_relation')
    .set({ blocked: true })
    .where('guardian_id', '=', kari)
    .where('pupil_id', '=', sofie)
    .execute();
  assert.equal((await client.get(path)).status, 404);
  await db
    .updateTable('guardian_relation')
    .set({ blocked: false })
    .where('guardian_id', '=', kari)
    .where('pupil_id', '=', sofie)
    .execute();
});
