import assert from 'node:assert/strict';
import { countStatements } from '../../src/db/counting.ts';
import { test } from 'node:test';
import { giveDemoGeneralConsent } from '../../src/db/seed/consents.ts';
import { loadActor } from '../../src/domain/access/actor.ts';
import { startStaffThread } from '../../src/domain/messages/send.ts';
import { createTestApp, sessionCookie } from '../support/app.ts';
import { createDemoTestDb } from '../support/db.ts';
import { childOf, loginPersonId } from '../support/fixtures.ts';

// Issue 18, item 4: the statements a page costs are counted in the app, not guessed — a budget per page that a change
// must not exceed, and the same count when the school's message volume grows. The session and its actor are one
// statement (validateSessionWithActor); the child's page asks for the child and its access facts in one, then for what
// depends only on the child in one, then for the year's absence and the next lessons in one (db/together.ts). The
// issue's targets: the child's page ≤ 4, a staff home ≤ 5.
const TODAY = '2026-11-25'; // a Wednesday, a school day in the demo
const NOW = new Date(`${TODAY}T08:00:00+01:00`);
const db = await createDemoTestDb(TODAY);
await giveDemoGeneralConsent(db);
const counter = countStatements(db);
const counted = counter.db;
const client = createTestApp(counted, {}, { clock: () => NOW });

const kari = await loginPersonId(db, 'guardian');
const sofie = await childOf(db, kari, 'Sofie');
const rektor = await loginPersonId(db, 'leadership');
const teacher = await loginPersonId(db, 'contact-teacher');
const cookies = {
  guardian: await sessionCookie(db, kari, 'idporten'),
  rektor: await sessionCookie(db, rektor, 'feide'),
  teacher: await sessionCookie(db, teacher, 'feide'),
};

/** The statements one request costs (after a first request, so nothing is counted that happens once). */
async function cost(path: string, cookie: string): Promise<number> {
  const first = await client.get(path, { cookie });
  assert.equal(first.status, 200, path);
  await first.text();
  counter.reset();
  const response = await client.get(path, { cookie });
  assert.equal(response.status, 200, path);
  await response.text();
  return counter.count;
}

const pages = [
  { name: "guardian: the child's page", path: `/children/${sofie}`, cookie: cookies.guardian, budget: 4 },
  { name: 'guardian: home', path: '/home', cookie: cookies.guardian, budget: 3 },
  { name: 'rektor: home', path: '/home', cookie: cookies.rektor, budget: 3 },
  { name: 'rektor: inbox', path: '/messages', cookie: cookies.rektor, budget: 5 },
  { name: 'rektor: statistics', path: '/statistics', cookie: cookies.rektor, budget: 3 },
  { name: 'contact teacher: home', path: '/home', cookie: cookies.teacher, budget: 4 },
  { name: 'contact teacher: inbox', path: '/messages', cookie: cookies.teacher, budget: 3 },
];

test('each page stays within its budget of statements, and the same when the school has 40 more threads', async (t) => {
  const before = new Map<string, number>();
  for (const page of pages) {
    const n = await cost(page.path, page.cookie);
    assert.ok(n <= page.budget, `${page.name}: ${n} statements, budget ${page.budget}`);
    before.set(page.name, n);
    t.diagnostic(`${page.name}: ${n} statements (budget ${page.budget})`);
  }
  const rektorActor = (await loadActor(db, rektor, 'feide', TODAY))!;
  for (let i = 0; i < 40; i++)
    await startStaffThread(db, rektorActor, sofie, { subject: `Melding ${i}`, body: 'Hei' }, NOW, TODAY);
  for (const page of pages)
    assert.equal(await cost(page.path, page.cookie), before.get(page.name), `${page.name} with 40 more threads`);
});
