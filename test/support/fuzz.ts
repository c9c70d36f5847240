import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { giveDemoGeneralConsent } from '../../src/db/seed/consents.ts';
import { DEMO_LOGINS, type DemoLoginKey } from '../../src/db/seed/seed.ts';
import { todayInOslo } from '../../src/domain/access/actor.ts';
import { createTestApp, sessionCookie, TEST_ORIGIN } from './app.ts';
import { createDemoTestDb } from './db.ts';
import { loginPersonId } from './fixtures.ts';

/**
 * Hostile input over the whole app: for every actor, crawl what they can reach, then send every form they find
 * back with malformed bodies and hostile values, and every GET with broken ids and query values; also every route
 * in the route table with sample parameters. No answer may be a 5xx (a bad request is the client's fault: 400, 404
 * or 422 with the form and a message).
 *
 * The work is split over several test files (test/routes/fuzz-*.test.ts), a few actors each, so that it runs on
 * both cores rather than as one long file at the end of the run.
 */
const db = await createDemoTestDb(todayInOslo());
await giveDemoGeneralConsent(db);
const client = createTestApp(db);

const HOSTILE_TEXT = [
  'a\u0000b', // PostgreSQL refuses NUL in text
  'x'.repeat(100_000),
  '\u0007\u001b[31m\u202e\uFEFFe\u0301\uD800', // controls, bidi, a decomposed é, a lone surrogate
];
const HOSTILE_DATES = ['31.12.9999', '9999-12-31', '00.00.0000', '2026-W99'];
const HOSTILE_NUMBERS = ['-1', '99999999999999999999', '1e308'];
/** Per form field: every kind of trouble once (the crawl repeats it over many forms and fields). */
const HOSTILE_VALUES = [...HOSTILE_TEXT, ...HOSTILE_DATES, ...HOSTILE_NUMBERS];
/** The query parameters the routes read (src/routes: c.req.query(...)), tried on every GET. */
const QUERY_NAMES = ['before', 'date', 'from', 'to', 'kind', 'lesson', 'page', 'week', 'school', 'type', 'state'];

let failures: string[] = [];
let requests = 0;

async function expectNo5xx(label: string, response: Response | Promise<Response>) {
  requests += 1;
  let res: Response;
  try {
    res = await response;
  } catch (error) {
    failures.push(`${label}: threw ${(error as Error).message}`);
    return;
  }
  if (res.status >= 500) failures.push(`${label}: ${res.status}`);
  await res.arrayBuffer();
}

interface FoundForm {
  action: string;
  method: string;
  enctype: string;
  fields: [string, string][];
}

/** Local links and forms on a page, as a browser would see them. */
function linksAndForms(page: string, text: string): { links: string[]; forms: FoundForm[] } {
  const { document } = parseHTML(text);
  const base = new URL(page, TEST_ORIGIN);
  const local = (href: string) => {
    const url = new URL(href, base);
    return url.origin === TEST_ORIGIN ? url.pathname + url.search : undefined;
  };
  const links = Array.from(document.querySelectorAll('a[href]'))
    .map((a) => local(a.getAttribute('href') ?? ''))
    .filter((href): href is string => !!href && !href.startsWith('/logout') && !href.startsWith('/assets'));
  const forms = Array.from(document.querySelectorAll('form')).map((form) => ({
    action: local(form.getAttribute('action') ?? page) ?? page,
    method: (form.getAttribute('method') ?? 'get').toLowerCase(),
    enctype: form.getAttribute('enctype') ?? 'application/x-www-form-urlencoded',
    fields: Array.from(form.querySelectorAll('input[name], textarea[name], select[name]')).map(
      (el) => [el.getAttribute('name')!, el.getAttribute('value') ?? ''] as [string, string],
    ),
  }));
  return { links, forms };
}

/** Breadth-first over the actor's own pages (bounded), collecting the forms on them. */
async function crawl(cookie: string, limit: number) {
  const seen = new Set<string>();
  const queue = ['/'];
  const forms = new Map<string, FoundForm>();
  while (queue.length > 0 && seen.size < limit) {
    const page = queue.shift()!;
    if (seen.has(page)) continue;
    seen.add(page);
    const res = await client.get(page, { cookie });
    requests += 1;
    if (res.status >= 500) failures.push(`crawl GET ${page}: ${res.status}`);
    if (!(res.headers.get('content-type') ?? '').includes('text/html')) {
      await res.arrayBuffer();
      continue;
    }
    const found = linksAndForms(page, await res.text());
    for (const link of found.links) if (!seen.has(link)) queue.push(link);
    for (const form of found.forms) {
      // Once per action shape, as pages: a form per lesson or per pupil posts to the same handler.
      const key = `${form.method} ${form.action.split('?')[0]!.replace(/\d+/g, ':n')} ${form.fields.map(([n]) => n).join(',')}`;
      if (!forms.has(key)) forms.set(key, form);
    }
  }
  return { pages: [...seen], forms: [...forms.values()] };
}

const post = (cookie: string, path: string, body: BodyInit, contentType?: string) =>
  client.app.request(new URL(path, TEST_ORIGIN).toString(), {
    method: 'POST',
    body,
    headers: {
      cookie,
      origin: TEST_ORIGIN,
      'sec-fetch-site': 'same-origin',
      ...(contentType ? { 'content-type': contentType } : {}),
    },
  });

const MALFORMED_BODIES: [string, string | undefined][] = [
  ['--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end', 'multipart/form-data; boundary=x'],
  ['garbage', 'multipart/form-data'],
  ['garbage', 'multipart/form-data; boundary='],
  ['%%%=%E0%A4%A', 'application/x-www-form-urlencoded'],
  ['{"a":', 'application/json'],
  ['a=1', undefined],
];

async function fuzzForm(cookie: string, form: FoundForm) {
  const label = `${form.method.toUpperCase()} ${form.action}`;
  if (form.method === 'get') {
    for (const [name] of form.fields)
      for (const value of HOSTILE_VALUES) {
        const url = new URL(form.action, TEST_ORIGIN);
        url.searchParams.set(name, value);
        await expectNo5xx(
          `${label} ?${name}=${JSON.stringify(value).slice(0, 20)}`,
          client.get(url.pathname + url.search, { cookie }),
        );
      }
    return;
  }
  for (const [body, type] of MALFORMED_BODIES)
    await expectNo5xx(`${label} malformed ${type}`, post(cookie, form.action, body, type));
  // One field at a time hostile (the others as the page filled them in), then all at once, then each repeated.
  for (const value of HOSTILE_VALUES) {
    for (const [name] of form.fields) {
      const fields = form.fields.map(([n, v]) => [n, n === name ? value : v]);
      await expectNo5xx(
        `${label} ${name}=${JSON.stringify(value).slice(0, 20)}`,
        post(cookie, form.action, new URLSearchParams(fields), 'application/x-www-form-urlencoded'),
      );
    }
  }
  const multipart = new FormData();
  for (const [name] of form.fields) {
    multipart.append(name, 'a\u0000b');
    multipart.append(name, new File(['x'], 'x.txt', { type: 'text/plain' }));
  }
  await expectNo5xx(`${label} multipart with files and repeats`, post(cookie, form.action, multipart));
  await expectNo5xx(
    `${label} empty`,
    post(cookie, form.action, new URLSearchParams(), 'application/x-www-form-urlencoded'),
  );
}

async function fuzzGet(cookie: string, page: string) {
  const url = new URL(page, TEST_ORIGIN);
  const segments = url.pathname.split('/');
  // Each numeric path segment broken in turn.
  for (let i = 0; i < segments.length; i++) {
    if (!/^\d+$/.test(segments[i]!)) continue;
    for (const value of ['0', '99999999999999999999', 'abc', '%00', '1.5', '-1']) {
      const broken = [...segments];
      broken[i] = value;
      await expectNo5xx(`GET ${page} segment ${value}`, client.get(broken.join('/') + url.search, { cookie }));
    }
  }
  for (const name of QUERY_NAMES)
    for (const value of [...HOSTILE_DATES, 'a\u0000b', '99999999999999999999', 'x'.repeat(5000)]) {
      const mutated = new URL(url);
      mutated.searchParams.set(name, value);
      await expectNo5xx(
        `GET ${page} ?${name}=${JSON.stringify(value).slice(0, 20)}`,
        client.get(mutated.pathname + mutated.search, { cookie }),
      );
    }
}

/** The crawl-and-fuzz test for each of these demo logins. */
export function fuzzActors(actors: DemoLoginKey[]): void {
  for (const key of actors) fuzzActor(key);
}

function fuzzActor(key: DemoLoginKey): void {
  test(`${key}: no 5xx for hostile input on any page or form they reach`, async () => {
    failures = [];
    const login = DEMO_LOGINS.find((l) => l.key === key)!;
    const cookie = await sessionCookie(db, await loginPersonId(db, key), login.feideId ? 'feide' : 'idporten');
    const { pages, forms } = await crawl(cookie, 60);
    if (process.env.FUZZ_DEBUG)
      console.log(
        key,
        pages,
        forms.map((f) => `${f.method} ${f.action} ${f.fields.map(([n]) => n)}`),
      );
    assert.ok(pages.length >= 3, `${key} reached ${pages.join(', ')}`);
    // A page is fuzzed once per path shape (ids differ, the handler is the same).
    const shapes = new Map<string, string>();
    for (const page of pages) {
      const shape = new URL(page, TEST_ORIGIN).pathname.replace(/\d+/g, ':n');
      if (!shapes.has(shape)) shapes.set(shape, page);
    }
    for (const page of shapes.values()) await fuzzGet(cookie, page);
    // Not the logout form: the rest of the run needs the session.
    for (const form of forms) if (!form.action.startsWith('/logout')) await fuzzForm(cookie, form);
    if (process.env.FUZZ_DEBUG) console.log(key, requests, 'requests');
    assert.deepEqual(failures, [], `${failures.length} of ${requests} requests failed:\n${failures.join('\n')}`);
  });
}

/** Every route in the route table with sample parameters. */
export function fuzzRouteTable(): void {
  test('every route in the route table, with sample and broken parameters, as a logged-in guardian: no 5xx', async () => {
    failures = [];
    const cookie = await sessionCookie(db, await loginPersonId(db, 'guardian'), 'idporten');
    const routes = [
      ...new Set(client.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
    ];
    for (const route of routes) {
      const [method, pattern] = route.split(' ') as [string, string];
      for (const sample of ['1', '0', '99999999999999999999', 'x%00']) {
        const path = pattern.replace(/:[a-zA-Z]+(\{[^}]*\})?/g, sample).replace(/\*$/, 'x');
        if (method === 'GET') await expectNo5xx(`${route} (${sample})`, client.get(path, { cookie }));
        else
          for (const [body, type] of MALFORMED_BODIES)
            await expectNo5xx(`${route} (${sample}) malformed ${type}`, post(cookie, path, body, type));
      }
    }
    // Anonymous too: the public form posts.
    await expectNo5xx(
      'POST /language malformed',
      post('', '/language', '--x\r\nbad', 'multipart/form-data; boundary=x'),
    );
    assert.deepEqual(failures, [], `${failures.length} of ${requests} requests failed:\n${failures.join('\n')}`);
  });
}
