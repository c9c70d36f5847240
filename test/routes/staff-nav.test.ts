import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { createTestApp, html, sessionCookie } from '../support/app.ts';
import { insertLeaveApplication } from '../support/applications.ts';
import { createDemoTestDb } from '../support/db.ts';
import { loginPersonId } from '../support/fixtures.ts';

// Issue 19, item 3: a persistent navigation for staff, each entry only for those who may use it; counts on
// leadership's home; the school owner's schools linked; a pupil gets 404 at the staff pages.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const client = createTestApp(db, {}, { clock: () => new Date(`${TODAY}T09:00:00+01:00`) });
const cookie = async (key: DemoLoginKey) => ({
  cookie: await sessionCookie(db, await loginPersonId(db, key), key.startsWith('guardian') ? 'idporten' : 'feide'),
});
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

async function navOf(path: string, key: DemoLoginKey) {
  const headers = await cookie(key);
  let res = await client.get(path, headers);
  // /skolerute goes on to the owner's page; a guardian who has not decided meets the general consent first.
  if (res.status === 302) res = await client.get(res.headers.get('location')!, headers);
  assert.equal(res.status, 200, `${key} ${path}`);
  const { document } = await html(res);
  const nav = document.querySelector('nav[aria-label="Ansattmeny"]');
  return {
    document,
    entries: nav ? Array.from(nav.querySelectorAll('a')).map((a) => squash(a.textContent)) : null,
    current: squash(nav?.querySelector('[aria-current="page"]')?.textContent) || null,
  };
}

test('each role gets the entries it may use, and no link to an empty page', async () => {
  const expected: Partial<Record<DemoLoginKey, string[]>> = {
    leadership: [
      'Meldinger',
      'Kunngjøringer',
      'Nyheter',
      'Skjemaer',
      'Søknader',
      'Brev',
      'Folkeregisteret',
      'Skolekontoret',
      'Statistikk',
      'Skolerute',
      'SFO',
      'Inn- og utsjekk',
    ],
    'contact-teacher': ['Meldinger', 'Kunngjøringer', 'Nyheter', 'Skjemaer', 'Timeplan'],
    teacher: ['Meldinger', 'Kunngjøringer', 'Nyheter', 'Skjemaer', 'Timeplan'],
    'sfo-leader': ['Meldinger', 'Kunngjøringer', 'Nyheter', 'Skjemaer', 'Søknader', 'SFO', 'Inn- og utsjekk'],
    'sfo-staff': ['Meldinger', 'Kunngjøringer', 'Nyheter', 'Skjemaer', 'Inn- og utsjekk'],
    'kindergarten-leader': ['Meldinger', 'Nyheter', 'Inn- og utsjekk', 'Barnehagekontoret'],
    'pedagogical-leader': ['Meldinger', 'Nyheter', 'Inn- og utsjekk'],
    'kindergarten-staff': ['Meldinger', 'Nyheter', 'Inn- og utsjekk'],
    'school-owner': [
      'Kunngjøringer',
      'Folkeregisteret',
      'Skolekontoret',
      'Statistikk',
      'Skolerute',
      'Innstillinger',
      'SFO',
      'Barnehagekontoret',
    ],
  };
  for (const [key, entries] of Object.entries(expected) as [DemoLoginKey, string[]][]) {
    const roles = await db
      .selectFrom('staff_membership')
      .select('role')
      .where('person_id', '=', await loginPersonId(db, key))
      .execute();
    // The demo login may hold more than one role (a rektor who also teaches): the union of their entries.
    if (roles.some((r) => r.role === 'teacher' || r.role === 'contact_teacher') && !entries.includes('Timeplan'))
      entries.splice(entries.indexOf('Skjemaer') + 1, 0, 'Timeplan');
    assert.deepEqual((await navOf('/home', key)).entries, entries, key);
  }
  for (const key of ['guardian', 'pupil'] as const)
    assert.equal((await navOf('/home', key)).entries, null, `${key}: no staff navigation`);
});

test('the navigation is on every staff page, with the current one marked', async () => {
  for (const [path, current] of [
    ['/messages', 'Meldinger'],
    ['/broadcasts', 'Kunngjøringer'],
    ['/forms', 'Skjemaer'],
    ['/applications', 'Søknader'],
    ['/letters', 'Brev'],
    ['/office', 'Skolekontoret'],
    ['/skolerute', 'Skolerute'],
    ['/sfo', 'SFO'],
  ] as const) {
    const { entries, current: marked } = await navOf(path, 'leadership');
    assert.ok(entries && entries.length > 5, path);
    assert.equal(marked, current, path);
  }
  const home = await navOf('/home', 'leadership');
  assert.equal(home.current, null, 'nothing marked on the home page (the header has "Min side")');
});

test("leadership's home counts the applications waiting and the letters to print, each a link", async () => {
  const waiting = async () => {
    const { document } = await navOf('/home', 'leadership');
    const section = document.querySelector('section[aria-labelledby="waiting-heading"]');
    assert.ok(section, 'the section is there');
    return Array.from(section.querySelectorAll('a')).map((a) => ({
      text: squash(a.textContent),
      href: a.getAttribute('href'),
    }));
  };
  const before = await waiting();
  assert.ok(!before.some((w) => w.href === '/applications'));
  const kari = await loginPersonId(db, 'guardian');
  const sofie = (
    await db
      .selectFrom('person')
      .select('id')
      .where('given_name', '=', 'Sofie')
      .where('family_name', '=', 'Nordmann')
      .executeTakeFirstOrThrow()
  ).id;
  const school = await db
    .selectFrom('enrolment')
    .select('school_id')
    .where('pupil_id', '=', sofie)
    .executeTakeFirstOrThrow();
  for (const day of ['2027-01-04', '2027-01-11'])
    await insertLeaveApplication(db, {
      pupil_id: sofie,
      school_id: school.school_id,
      applicant_id: kari,
      reason: 'reise',
      from_date: day,
      to_date: day,
      school_days: 1,
      justification: 'Besøk hos besteforeldre.',
      rules_confirmed_at: new Date(),
      status: 'submitted',
      submitted_at: new Date(),
    });
  const after = await waiting();
  assert.deepEqual(
    after.find((w) => w.href === '/applications'),
    { text: '2 søknader venter på vedtak', href: '/applications' },
  );
  const letters = await db
    .selectFrom('letter_dispatch')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('school_id', '=', school.school_id)
    .where('status', '=', 'awaiting_print')
    .executeTakeFirstOrThrow();
  const letterLink = after.find((w) => w.href === '/letters');
  if (Number(letters.n) === 0) assert.equal(letterLink, undefined, 'no letters, no line');
  else assert.match(letterLink?.text ?? '', new RegExp(`^${letters.n} brev`));
  // A teacher decides nothing: no applications line, however many wait.
  const teacher = await navOf('/home', 'teacher');
  assert.ok(!teacher.document.querySelector('a[href="/applications"]'));
});

test("the school owner's school list links to each school", async () => {
  const { document } = await navOf('/home', 'school-owner');
  const links = Array.from(document.querySelectorAll('section[aria-labelledby="schools-heading"] a'));
  assert.ok(links.length >= 2, 'every school is a link');
  for (const a of links) assert.match(a.getAttribute('href') ?? '', /^\/office\/schools\/\d+\/classes$/);
  assert.equal((await client.get(links[0]!.getAttribute('href')!, await cookie('school-owner'))).status, 200);
});

test('a pupil gets 404 at the staff pages, not an empty staff page', async () => {
  const pupil = await cookie('pupil');
  for (const path of ['/messages', '/forms', '/news', '/broadcasts', '/applications', '/letters', '/office', '/sfo'])
    assert.equal((await client.get(path, pupil)).status, 404, path);
});
