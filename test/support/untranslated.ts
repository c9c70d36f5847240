import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { LOCALE_COOKIE } from '../../src/middleware/locale.ts';
import { createTestApp, html, sessionCookie } from './app.ts';
import { createDemoTestDb } from './db.ts';
import { loginPersonId } from './fixtures.ts';

// Issue 19, item 4: no page shows a raw key ("consent_receipt", "letter", "sms · news"). The test crawls the demo
// from the home page as each role in nb, nn and en, following the links a user can follow, and reads every page's
// visible text for a key: a snake_case word (no prose has one), or in Norwegian one of our English enum values.
// One test file per language (test/routes/untranslated-*.test.ts), so the three crawls run side by side.
const TODAY = '2026-11-25';
const db = await createDemoTestDb(TODAY);
const client = createTestApp(db, {}, { clock: () => new Date(`${TODAY}T10:00:00+01:00`) });
// The demo guardian has decided on the general consent, so /home shows the children rather than the gate.
await db
  .insertInto('general_consent')
  .values({ guardian_id: await loginPersonId(db, 'guardian'), state: 'given', decided_at: new Date() })
  .onConflict((oc) => oc.column('guardian_id').doNothing())
  .execute();

const ROLES: DemoLoginKey[] = [
  'guardian',
  'contact-teacher',
  'teacher',
  'leadership',
  'school-owner',
  'sfo-leader',
  'sfo-staff',
  'pupil',
];
const LOCALES = ['nb', 'nn', 'en'] as const;
/** Pages per role and language: enough to reach every kind of page of the demo from /home. */
const MAX_PAGES = 70;
/** Links not to follow: logging out, other sites' flows, downloads, the development pages. */
const SKIP = [/^\/logout/, /^\/login/, /^\/auth\//, /^\/dev\//, /^\/calendar\//, /\.(pdf|csv|ics)(\?|$)/, /\/download/];
/** Our enum values in English that must never reach a Norwegian page (whole words, as written in the code). */
const ENGLISH_KEYS = [
  'letter',
  'vedtak_letter',
  'attachment',
  'news',
  'sms',
  'email',
  'submitted',
  'granted',
  'refused',
  'withdrawn',
  'declined',
  'awaiting',
  'given',
  'denied',
  'unanswered',
  'absent',
  'late',
  'present',
];
const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;

function keysIn(text: string, locale: (typeof LOCALES)[number]): string[] {
  const found = [...text.matchAll(SNAKE)].map((m) => m[0]);
  if (locale !== 'en')
    for (const key of ENGLISH_KEYS) if (new RegExp(`(^|[\\s(·:,])${key}($|[\\s)·:,.])`).test(text)) found.push(key);
  return found;
}

/** What each crawl reached (role and language → paths), for the coverage check. */
const reached = new Map<string, string[]>();

async function crawl(key: DemoLoginKey, locale: (typeof LOCALES)[number]): Promise<string[]> {
  const via = key.startsWith('guardian') ? 'idporten' : 'feide';
  const cookie = `${await sessionCookie(db, await loginPersonId(db, key), via)}; ${LOCALE_COOKIE}=${locale}`;
  const queue = ['/home'];
  const seen = new Set(queue);
  const problems: string[] = [];
  let pages = 0;
  while (queue.length && pages < MAX_PAGES) {
    const path = queue.shift()!;
    let res = await client.get(path, { cookie });
    for (let hops = 0; hops < 3 && [302, 303].includes(res.status); hops++) {
      const location = res.headers.get('location') ?? '';
      if (!location.startsWith('/')) break;
      res = await client.get(location, { cookie });
    }
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    pages++;
    const { document } = await html(res);
    for (const script of Array.from(document.querySelectorAll('script, style'))) script.remove();
    const text = (document.body?.textContent ?? '').replace(/\s+/g, ' ');
    for (const found of new Set(keysIn(text, locale))) problems.push(`${key} ${locale} ${path}: «${found}»`);
    for (const a of Array.from(document.querySelectorAll('a[href]'))) {
      const href = (a.getAttribute('href') ?? '').split('#')[0]!;
      if (!href.startsWith('/') || href.startsWith('//') || SKIP.some((r) => r.test(href))) continue;
      // One page of each paged list is enough.
      if (/[?&]page=(?:[3-9]|\d\d)/.test(href)) continue;
      if (!seen.has(href)) {
        seen.add(href);
        queue.push(href);
      }
    }
  }
  assert.ok(pages >= 3, `${key} ${locale}: the crawl reached ${pages} pages`);
  reached.set(`${key} ${locale}`, [...seen]);
  return problems;
}

/** The crawl in one language, as every role; in nb also the unit test of the check and the coverage check. */
export function checkUntranslated(locale: (typeof LOCALES)[number]): void {
  if (locale === 'nb')
    test('the check finds a raw key: snake_case anywhere, our English enum words in Norwegian only', () => {
      assert.deepEqual(keysIn('Kvittering: consent_receipt', 'nb'), ['consent_receipt']);
      assert.deepEqual(keysIn('Varsler: sms · news · nei', 'nb'), ['news', 'sms']);
      assert.deepEqual(keysIn('Dokument (letter)', 'nn'), ['letter']);
      assert.deepEqual(keysIn('A letter with the news', 'en'), []);
      assert.deepEqual(keysIn('Brevet er sendt som SMS og e-post.', 'nb'), []);
    });

  test(`no page of the demo shows an untranslated key, for any role, in ${locale}`, async () => {
    const problems: string[] = [];
    for (const key of ROLES) problems.push(...(await crawl(key, locale)));
    assert.deepEqual(problems, []);
    if (locale !== 'nb') return;
    // The crawl reaches the pages where raw keys were found before (My data, notifications, the child's tabs).
    const guardian = reached.get('guardian nb') ?? [];
    for (const path of ['/me/data', '/me/contact'])
      assert.ok(guardian.includes(path), `the guardian reached ${path}: ${guardian.join(' ')}`);
    assert.ok(
      guardian.some((p) => /^\/children\/\d+\/consents$/.test(p)),
      "a child's consents",
    );
    assert.ok(
      (reached.get('leadership nb') ?? []).some((p) => /^\/pupils\/\d+$/.test(p)),
      'a pupil card',
    );
  });
}
