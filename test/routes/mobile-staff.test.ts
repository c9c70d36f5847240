import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { countStatements } from '../../src/db/counting.ts';
import type { DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';
import { loadActor } from '../../src/domain/access/actor.ts';
import { startStaffThread } from '../../src/domain/messages/send.ts';
import { contactTeacherIdsForPupil } from '../../src/domain/notifications/outbox.ts';

// Issue 14, items 1 and 2: "Skolebro – Ansatt", the staff's mobile view, and the switch to the full version and back.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const counter = countStatements(db);
let clockTime = `${TODAY}T09:00:00+01:00`;
const client = createTestApp(counter.db, {}, { clock: () => new Date(clockTime) });

const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';
const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

const session = async (key: DemoLoginKey) =>
  sessionCookie(db, await loginPersonId(db, key), key.startsWith('guardian') ? 'idporten' : 'feide');
const marius = await session('contact-teacher');
const withView = (cookie: string, view?: 'mobile' | 'full') => (view ? `${cookie}; skolebro_view=${view}` : cookie);
const sofie = await childOf(db, await loginPersonId(db, 'guardian'), 'Sofie');
const rektor = (await loadActor(db, await loginPersonId(db, 'leadership'), 'feide', TODAY))!;
const torunn = await session('leadership');
/** Threads from the rektor to Sofie's guardians: in her inbox. */
async function addThreads(n: number) {
  for (let i = 0; i < n; i++)
    await startStaffThread(db, rektor, sofie, { subject: `Melding ${i}`, body: 'Hei' }, new Date(clockTime), TODAY);
}
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const tabsOf = (document: Document) =>
  Array.from(document.querySelectorAll('nav[aria-label="Hovedmeny"] a')).map((a) => squash(a.textContent));
const isMobile = (document: Document) => document.body.getAttribute('data-view') === 'mobile';

async function get(path: string, cookie: string, headers: Record<string, string> = {}) {
  const res = await client.get(path, { cookie, 'user-agent': DESKTOP_UA, ...headers });
  return { res, ...(await html(res)) };
}

test('the view switch sets the cookie and goes back to a local path only', async () => {
  const res = await client.get('/view/mobile?return_to=%2Fmessages', { cookie: marius });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/messages');
  assert.match(res.headers.get('set-cookie') ?? '', /skolebro_view=mobile;.*Max-Age=31536000/);
  const full = await client.get('/view/full?return_to=https%3A%2F%2Fevil.example%2F', { cookie: marius });
  assert.equal(full.headers.get('location'), '/home');
  assert.match(full.headers.get('set-cookie') ?? '', /skolebro_view=full/);
  assert.equal((await client.get('/view/tablet', { cookie: marius })).status, 404);
});

test('the same URL serves the chosen version; the cookie decides over the phone hints; Vary names them', async () => {
  const full = await get('/home', withView(marius, 'full'), { 'user-agent': PHONE_UA, 'sec-ch-ua-mobile': '?1' });
  assert.equal(full.res.status, 200);
  assert.ok(!isMobile(full.document));
  const toMobile = full.document.querySelector('a[data-view-switch="mobile"]');
  assert.equal(squash(toMobile?.textContent), 'Mobilversjon');
  assert.equal(toMobile?.getAttribute('href'), '/view/mobile?return_to=%2Fhome');
  assert.match(full.res.headers.get('vary') ?? '', /Cookie.*Sec-CH-UA-Mobile.*User-Agent/);

  const mobile = await get('/home', withView(marius, 'mobile'));
  assert.ok(isMobile(mobile.document));
  assert.match(mobile.document.title, /Skolebro – Ansatt/);
  const toFull = mobile.document.querySelector('a[data-view-switch="full"]');
  assert.equal(squash(toFull?.textContent), 'Fullversjon');
  assert.equal(toFull?.getAttribute('href'), '/view/full?return_to=%2Fhome');
  assert.deepEqual(tabsOf(mobile.document), ['I dag', 'Fravær', 'Meldinger']);
  assert.match(mobile.res.headers.get('vary') ?? '', /Cookie.*Sec-CH-UA-Mobile.*User-Agent/);

  // a page without a mobile version stays full, and its switch leads to I dag
  const broadcasts = await get('/broadcasts', withView(marius, 'mobile'));
  assert.ok(!isMobile(broadcasts.document));
  assert.equal(
    broadcasts.document.querySelector('a[data-view-switch="mobile"]')?.getAttribute('href'),
    '/view/mobile?return_to=%2Fhome',
  );
});

test('without a cookie a phone gets the mobile view (client hint or user agent), a desktop the full one', async () => {
  assert.ok(isMobile((await get('/home', marius, { 'user-agent': PHONE_UA })).document));
  assert.ok(isMobile((await get('/home', marius, { 'sec-ch-ua-mobile': '?1' })).document));
  assert.ok(!isMobile((await get('/home', marius, { 'sec-ch-ua-mobile': '?0' })).document));
  // the login page on a phone says how a guardian logs in
  const login = await client.get('/login', { 'user-agent': PHONE_UA });
  const { document } = await html(login);
  assert.match(
    squash(document.querySelector('[data-guardian-hint]')?.textContent),
    /Foresatt\? Logg inn med ID-porten/,
  );
  assert.match(login.headers.get('vary') ?? '', /User-Agent/);
  const desktopLogin = (await html(await client.get('/login', { 'user-agent': DESKTOP_UA }))).document;
  assert.equal(desktopLogin.querySelector('[data-guardian-hint]'), null);
});

test('I dag: today’s lessons, the current one first, each opening its register; unread messages', async () => {
  clockTime = `${TODAY}T10:15:00+01:00`;
  try {
    const { document } = await get('/home', withView(marius, 'mobile'));
    const links = Array.from(document.querySelectorAll('[data-lessons] a'));
    assert.ok(links.length >= 2, 'Marius teaches several lessons on a Wednesday');
    const first = links[0]!;
    assert.match(squash(first.textContent), /Nå$/);
    const [from, to] = squash(first.textContent).slice(0, 11).split('–');
    assert.ok(from! <= '10:15' && '10:15' < to!, squash(first.textContent));
    const rest = links.slice(1).map((a) => squash(a.textContent).slice(0, 5));
    assert.deepEqual(rest, [...rest].sort());
    assert.match(first.getAttribute('href')!, /^\/(classes|groups)\/\d+\/attendance\?date=2026-11-25&lesson=\d+$/);
    assert.ok(document.querySelector('[data-unread]') || /Ingen uleste/.test(document.body.textContent ?? ''));
    assert.equal(document.querySelector('[data-decisions]'), null, 'a teacher decides nothing');
  } finally {
    clockTime = `${TODAY}T09:00:00+01:00`;
  }
});

test('I dag counts unread messages: one more when a guardian writes, one less when it is read', async () => {
  const teacher = withView(
    await sessionCookie(db, (await contactTeacherIdsForPupil(db, sofie, TODAY))[0]!, 'feide'),
    'mobile',
  );
  const unread = async () => {
    const { document } = await get('/home', teacher);
    const link = document.querySelector('[data-unread]');
    if (!link) assert.match(document.body.textContent ?? '', /Ingen uleste/);
    else assert.equal(link.getAttribute('href'), '/messages');
    return Number(link?.getAttribute('data-unread') ?? 0);
  };
  const before = await unread();
  const kari = { cookie: await session('guardian') };
  const sent = await client.post(
    `/children/${sofie}/messages`,
    { recipient: 'contact_teacher', subject: 'Tannlege', body: 'Sofie går til tannlegen kl. 12.' },
    kari,
  );
  assert.equal(sent.status, 303);
  const threadId = /\/messages\/(\d+)/.exec(sent.headers.get('location')!)![1];
  assert.equal(await unread(), before + 1);
  const { document } = await get(`/messages/${threadId}`, teacher);
  assert.match(document.body.textContent ?? '', /tannlegen kl\. 12/);
  assert.equal(await unread(), before, 'read in the mobile thread view');
});

test('leadership sees the decisions waiting; the SFO tab only for those who work in an SFO or a kindergarten', async () => {
  const rektor = await get('/home', withView(await session('leadership'), 'mobile'));
  assert.ok(rektor.document.querySelector('[data-decisions]'));
  assert.equal(rektor.document.querySelector('[data-decisions]')?.getAttribute('href'), '/applications');
  assert.deepEqual(tabsOf(rektor.document), ['I dag', 'Fravær', 'Meldinger', 'SFO']);
  const sfo = await get('/messages', withView(await session('sfo-staff'), 'mobile'));
  assert.deepEqual(tabsOf(sfo.document), ['I dag', 'Fravær', 'Meldinger', 'SFO']);
  assert.equal(sfo.document.querySelector('nav[aria-label="Hovedmeny"] a[href="/care"]') !== null, true);
  const kindergarten = await get('/messages', withView(await session('kindergarten-staff'), 'mobile'));
  assert.deepEqual(tabsOf(kindergarten.document), ['I dag', 'Fravær', 'Meldinger', 'Barnehage']);
  const teacher = await get('/messages', withView(await session('teacher'), 'mobile'));
  assert.deepEqual(tabsOf(teacher.document), ['I dag', 'Fravær', 'Meldinger']);
});

test('a guardian and a pupil never get the staff shell, nor the switch', async () => {
  for (const key of ['guardian', 'pupil'] as const) {
    const cookie = withView(await session(key), 'mobile');
    let res = await client.get('/home', { cookie, 'user-agent': PHONE_UA });
    if (res.status === 302) res = await client.get(res.headers.get('location')!, { cookie, 'user-agent': PHONE_UA });
    const { document } = await html(res);
    assert.equal(res.status, 200, key);
    assert.ok(!isMobile(document), key);
    assert.equal(document.querySelector('[data-view-switch]'), null, key);
    assert.equal((await client.get('/attendance', { cookie })).status, 404, key);
  }
});

test('Fravær: the register in the mobile view posts to the same handler and saves the absence', async () => {
  const chooser = await get('/attendance', withView(marius, 'mobile'));
  assert.equal(chooser.res.status, 200);
  assert.ok(isMobile(chooser.document));
  const lesson = chooser.document.querySelector('[data-lessons] a')!.getAttribute('href')!;
  const register = await get(lesson, withView(marius, 'mobile'));
  assert.ok(isMobile(register.document));
  assert.equal(register.document.querySelector('[aria-current="page"]')?.textContent?.trim(), 'Fravær');
  const form = register.document.querySelector('#register-form')!;
  assert.equal(form.getAttribute('action'), lesson);
  const fields = Object.fromEntries(
    Array.from(form.querySelectorAll('input[type="radio"]:checked')).map((i) => [
      i.getAttribute('name')!,
      i.getAttribute('value')!,
    ]),
  );
  const [first, second] = Object.keys(fields);
  assert.ok(first && second);
  const saved = await client.post(
    lesson,
    { ...fields, [first]: 'absent', [second]: 'late' },
    { cookie: withView(marius, 'mobile') },
  );
  assert.equal(saved.status, 303);
  const receipt = await get(saved.headers.get('location')!, withView(marius, 'mobile'));
  assert.ok(isMobile(receipt.document));
  const checked = (name: string) =>
    receipt.document.querySelector(`input[name="${name}"]:checked`)?.getAttribute('value');
  assert.equal(checked(first), 'absent');
  assert.equal(checked(second), 'late');
  // the same URL in the full version: the full register with its chooser
  const full = await get(lesson, withView(marius, 'full'));
  assert.ok(!isMobile(full.document));
  assert.ok(full.document.querySelector('#register-date'));
  assert.equal(full.document.querySelector('input[name="' + first + '"]:checked')?.getAttribute('value'), 'absent');
});

test('Meldinger: the inbox and a thread with its reply box in the mobile view', async () => {
  await addThreads(1);
  const inbox = await get('/messages', withView(torunn, 'mobile'));
  assert.ok(isMobile(inbox.document));
  const thread = inbox.document.querySelector('main a[href^="/messages/"]')?.getAttribute('href');
  assert.ok(thread, `the rektor has a thread: ${inbox.document.querySelector('main')?.textContent}`);
  const page = await get(thread, withView(torunn, 'mobile'));
  assert.equal(page.res.status, 200);
  assert.ok(isMobile(page.document));
  assert.ok(
    page.document.querySelector('textarea'),
    `a reply box: ${page.document.querySelector('main')?.textContent}`,
  );
});

test('the mobile pages run a bounded number of statements, the same with more lessons and messages', async () => {
  const mobile = withView(marius, 'mobile');
  const measure = async () => {
    const counts: Record<string, number> = {};
    for (const [path, cookie] of [
      ['/home', mobile],
      ['/attendance', mobile],
      ['/messages', mobile],
      ['/home', withView(torunn, 'mobile')],
      ['/messages', withView(torunn, 'mobile')],
    ] as const) {
      await get(path, cookie);
      counter.reset();
      assert.equal((await get(path, cookie)).res.status, 200);
      counts[`${cookie === mobile ? 'marius' : 'rektor'} ${path}`] = counter.count;
    }
    return counts;
  };
  const before = await measure();
  const teacher = await loginPersonId(db, 'contact-teacher');
  const lesson = await db
    .selectFrom('lesson')
    .selectAll()
    .where('teacher_id', '=', teacher)
    .where('weekday', '=', 3)
    .executeTakeFirstOrThrow();
  const { id: _id, ...copy } = lesson;
  await db
    .insertInto('lesson')
    .values(Array.from({ length: 5 }, (_, i) => ({ ...copy, starts_at: `1${i + 3}:00`, ends_at: `1${i + 3}:45` })))
    .execute();
  await addThreads(5);
  const after = await measure();
  assert.deepEqual(after, before);
  for (const [path, n] of Object.entries(before)) assert.ok(n <= 12, `${path}: ${n} statements`);
});

test('I dag is light: HTML + CSS under 30 KB compressed', async () => {
  const { res, text, document } = await get('/home', withView(marius, 'mobile'));
  assert.equal(res.status, 200);
  const css = document.querySelector('link[rel="stylesheet"]')!.getAttribute('href')!;
  const cssText = await (await client.get(css)).text();
  const sizes = { html: gzipSync(text).length, css: gzipSync(cssText).length };
  assert.ok(sizes.html + sizes.css < 30_000, JSON.stringify(sizes));
  const htmx = gzipSync(readFileSync(new URL('../../public/htmx.min.js', import.meta.url))).length;
  console.log(`I dag: HTML ${sizes.html} B, CSS ${sizes.css} B, htmx ${htmx} B gzip`);
});

test('Fravær exists in both views, and the mobile view speaks nynorsk and English too', async () => {
  const full = await get('/attendance', withView(marius, 'full'));
  assert.equal(full.res.status, 200);
  assert.ok(!isMobile(full.document));
  assert.ok(full.document.querySelector('nav[aria-label="Ansattmeny"]'));
  assert.ok(full.document.querySelector('#units-heading'));
  const nn = await get('/home', `${withView(marius, 'mobile')}; skolebro_lang=nn`);
  assert.deepEqual(
    Array.from(nn.document.querySelectorAll('nav[aria-label="Hovudmeny"] a')).map((a) => squash(a.textContent)),
    ['I dag', 'Fråvær', 'Meldingar'],
  );
  const en = await get('/home', `${withView(marius, 'mobile')}; skolebro_lang=en`);
  assert.equal(squash(en.document.querySelector('[data-view-switch="full"]')?.textContent), 'Full version');
});
