/**
 * npm run soak: the server under steady load while its database connections are cut (issue 17, acceptance).
 *
 *   npm run soak                      # 10 minutes
 *   npm run soak -- --minutes=3
 *
 * Loopback only, bounded in time. It starts the real server (`src/server.ts`, with the delivery worker and the
 * scheduler) on a fresh PostgreSQL database seeded with the demo data, logs four demo people in through the built-in
 * test identity provider (two guardians, a contact teacher, the rektor), and sends their mixed traffic: pages, and
 * now and then a reply in a message book (a POST that writes a message and its notifications). It measures the peak
 * rate, then runs at 80 % of it for the given minutes, terminating every one of the server's database backends
 * (pg_terminate_backend) once a minute. It prints the process exits, the 5xx answers (apart from the requests in
 * flight at a termination, which may fail with 503: nothing saved, the page says so) and the server's RSS at minute
 * 2 and at the end; and exits 1 when the server died, a 5xx or a connection error happened outside a termination, or
 * the RSS grew more than 10 %. The database is dropped at the end.
 *
 * Options: --minutes=N (default 10), --peak-seconds=N (default 20), --connections=N (default 16),
 * --postgres=URL: the PostgreSQL server to create the database on (default SOAK_POSTGRES_URL, TEST_DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/postgres; it must be on this machine).
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { DEMO_LOGINS, type DemoLoginKey } from '../src/db/seed/seed.ts';
import { Browser, formAction } from '../test/support/http-browser.ts';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.ts';

const args = new Map(
  process.argv
    .slice(2)
    .map((a) => /^--([a-z-]+)=(.*)$/.exec(a))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!]),
);
const wholeNumber = (name: string, fallback: number, max: number) => {
  const value = args.get(name) ?? String(fallback);
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    console.error(`--${name} must be a whole number from 1 to ${max} (got ${value})`);
    process.exit(2);
  }
  return Number(value);
};
const minutes = wholeNumber('minutes', 10, 120);
const peakSeconds = wholeNumber('peak-seconds', 20, 300);
const connections = wholeNumber('connections', 16, 200);
const postgres =
  args.get('postgres') ??
  process.env.SOAK_POSTGRES_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(postgres).hostname)) {
  console.error(`The soak runs on this machine only: --postgres must be on 127.0.0.1 (got ${new URL(postgres).host})`);
  process.exit(2);
}

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;

console.log(`Soak: ${minutes} min at 80 % of the peak, backends terminated every minute; PostgreSQL at ${postgres}`);
const server = await startServerProcess({ serverUrl: postgres, env: { LOG_REQUESTS: 'false' } });
let exits = 0;
let stopping = false;
server.child.once('exit', (code, signal) => {
  if (stopping) return;
  exits++;
  console.error(`\nThe server exited (${code ?? signal}) during the soak:\n${server.output().slice(-4000)}`);
});

try {
  process.exitCode = await soak(server);
} finally {
  stopping = true;
  if (server.running()) {
    server.child.kill('SIGTERM');
    const code = await Promise.race([server.exited, sleep(15_000).then(() => 'still running')]);
    console.log(`The server, sent SIGTERM at the end: ${code === 'still running' ? code : `exit code ${code}`}`);
  }
  await server.close();
}

async function soak(server: ServerProcess): Promise<number> {
  const requests = await trafficFor(server);
  for (const r of requests) {
    const response = await fetch(server.url + r.path, {
      method: r.method,
      headers: r.headers,
      body: r.body,
      redirect: 'manual',
    });
    if (response.status >= 400)
      throw new Error(`${r.method} ${r.path} answers ${response.status} before the soak: fix the traffic list`);
  }
  const base = { url: server.url, connections, requests, timeout: 20 };

  await run({ ...base, duration: 5 }); // warm-up
  const peak = await run({ ...base, duration: peakSeconds });
  const peakRate = Math.round(peak.result.requests.average);
  const rate = Math.max(1, Math.floor(peakRate * 0.8));
  console.log(`Peak ${peakRate} req/s with ${connections} connections (${peakSeconds} s); soaking at ${rate} req/s`);

  const started = Date.now();
  const terminations: { from: number; to: number; backends: number }[] = [];
  const rss: { at: string; kb: number }[] = [];
  let rssAtTwo: number | undefined;
  const soakRun = run({ ...base, overallRate: rate, duration: minutes * 60 });
  const timers = [
    ...Array.from({ length: minutes }, (_, i) =>
      setTimeout(
        async () => {
          const from = Date.now();
          const backends = await server.terminateBackends().catch(() => -1);
          terminations.push({ from, to: Date.now(), backends });
          console.log(`  ${clock(from - started)} terminated ${backends} backends`);
        },
        (i + 0.5) * 60_000,
      ),
    ),
    ...Array.from({ length: minutes }, (_, i) =>
      setTimeout(
        () => {
          if (!server.running()) return;
          const kb = rssKb(server.pid);
          rss.push({ at: clock(Date.now() - started), kb });
          if (i + 1 === Math.min(2, minutes - 1) || (minutes === 1 && i === 0)) rssAtTwo = kb;
          console.log(`  ${clock(Date.now() - started)} RSS ${mb(kb)}`);
        },
        (i + 1) * 60_000 - 2_000,
      ),
    ),
  ];
  const exitWatch = server.exited.then(() => soakRun.instance.stop());
  const soaked = await soakRun;
  timers.forEach(clearTimeout);
  void exitWatch;
  const rssEnd = server.running() ? rssKb(server.pid) : 0;

  // A 5xx is excused when its request was in flight while the backends were being terminated (plus 0.5 s for the
  // server to notice: the terminate call returns before the backends have gone).
  const excusable = (start: number, end: number) => terminations.some((t) => start <= t.to + 500 && end >= t.from);
  const fivexx = soaked.answers.filter((a) => a.status >= 500);
  const excused = fivexx.filter((a) => excusable(a.start, a.end));
  const unexcused = fivexx.length - excused.length;
  const otherErrors = soaked.errors.filter((e) => !excusable(e.at - 20_000, e.at));
  const byStatus = new Map<number, number>();
  for (const a of soaked.answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
  const ratio = rssAtTwo ? rssEnd / rssAtTwo : Number.NaN;
  const checks = [
    { ok: exits === 0, text: `process exits: ${exits}` },
    {
      ok: unexcused === 0,
      text: `5xx: ${fivexx.length} (${excused.length} in flight at a termination, ${unexcused} otherwise)`,
    },
    { ok: otherErrors.length === 0, text: `connection errors and timeouts: ${soaked.errors.length}` },
    {
      ok: ratio <= 1.1,
      text: `RSS at minute ${Math.min(2, Math.max(1, minutes - 1))}: ${mb(rssAtTwo ?? 0)}, at the end: ${mb(rssEnd)}, ratio ${ratio.toFixed(3)} (at most 1.10)`,
    },
  ];
  console.log('');
  console.log(`Soak finished: ${minutes} min at ${rate} req/s (80 % of the peak ${peakRate} req/s)`);
  console.log(
    `  requests answered: ${soaked.answers.length} (${[...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')}); ` +
      `achieved ${Math.round(soaked.result.requests.average)} req/s, p50 ${soaked.result.latency.p50} ms, p99 ${soaked.result.latency.p99} ms`,
  );
  console.log(`  terminations: ${terminations.length} (${terminations.map((t) => t.backends).join(', ')} backends)`);
  console.log(`  RSS per minute: ${rss.map((r) => `${r.at} ${mb(r.kb)}`).join(', ')}`);
  for (const check of checks) console.log(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.text}`);
  const failed = checks.some((c) => !c.ok);
  console.log(failed ? '\nSOAK FAILED' : '\nSOAK PASSED');
  return failed ? 1 : 0;
}

interface Answer {
  status: number;
  start: number;
  end: number;
}

/** One autocannon run that also keeps each answer's status and time (for the termination windows). */
function run(options: autocannon.Options) {
  const answers: Answer[] = [];
  const errors: { at: number; error: string }[] = [];
  let instance!: autocannon.Instance;
  const promise = new Promise<{ result: autocannon.Result; answers: Answer[]; errors: typeof errors }>(
    (resolve, reject) => {
      instance = autocannon(options, (error, result) => (error ? reject(error) : resolve({ result, answers, errors })));
      instance.on('response', (_client, status, _bytes, ms) => {
        const end = Date.now();
        answers.push({ status, start: end - ms, end });
      });
      instance.on('reqError', (error: unknown) => errors.push({ at: Date.now(), error: String(error) }));
    },
  );
  return Object.assign(promise, { instance });
}

interface Traffic {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The demo people's sessions (a real login each) and the pages and posts they make, mixed. */
async function trafficFor(server: ServerProcess): Promise<Traffic[]> {
  const { db } = server;
  const cookie = async (key: DemoLoginKey) => {
    const browser = await logIn(server.url, key);
    return browser.cookieHeader(new URL('/home', server.url));
  };
  const kari = await cookie('guardian');
  const ola = await cookie('guardian-private');
  const marius = await cookie('contact-teacher');
  const torunn = await cookie('leadership');
  const origin = new URL(server.url).origin;
  // The guardians decide on the general consent first (or every page sends them to it).
  for (const guardian of [kari, ola])
    await fetch(`${server.url}/consent/general`, {
      method: 'POST',
      headers: { cookie: guardian, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });

  const personOf = async (key: DemoLoginKey) => {
    const login = DEMO_LOGINS.find((l) => l.key === key)!;
    const q = db.selectFrom('person').select('id');
    return (
      await (login.fodselsnummer
        ? q.where('fodselsnummer', '=', login.fodselsnummer)
        : q.where('feide_id', '=', login.feideId!)
      ).executeTakeFirstOrThrow()
    ).id;
  };
  const kariChildren = await db
    .selectFrom('guardian_relation')
    .select('pupil_id')
    .where('guardian_id', '=', await personOf('guardian'))
    .orderBy('pupil_id')
    .execute();
  const olaChild = await db
    .selectFrom('guardian_relation')
    .select('pupil_id')
    .where('guardian_id', '=', await personOf('guardian-private'))
    .orderBy('pupil_id')
    .executeTakeFirstOrThrow();
  const thread = await db
    .selectFrom('message_thread')
    .select(['id', 'pupil_id'])
    .where(
      'pupil_id',
      'in',
      kariChildren.map((c) => c.pupil_id),
    )
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const mariusClass = await db
    .selectFrom('staff_assignment as a')
    .innerJoin('staff_membership as m', 'm.id', 'a.staff_membership_id')
    .select('a.class_id')
    .where('m.person_id', '=', await personOf('contact-teacher'))
    .where('a.class_id', 'is not', null)
    .orderBy('a.class_id')
    .executeTakeFirstOrThrow();
  const pupil = await db
    .selectFrom('enrolment')
    .select('pupil_id')
    .where('class_id', '=', mariusClass.class_id!)
    .orderBy('pupil_id')
    .executeTakeFirstOrThrow();

  const [a, b] = kariChildren.map((c) => c.pupil_id);
  const get = (who: string, path: string): Traffic => ({ method: 'GET', path, headers: { cookie: who } });
  const post = (who: string, path: string, form: Record<string, string>): Traffic => ({
    method: 'POST',
    path,
    headers: { cookie: who, origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const classId = mariusClass.class_id!;
  return [
    get(kari, '/home'),
    get(torunn, '/home'),
    get(kari, `/children/${a}`),
    get(marius, `/classes/${classId}`),
    get(ola, '/home'),
    get(torunn, '/applications'),
    get(kari, `/children/${a}/absence`),
    get(marius, `/classes/${classId}/attendance`),
    get(ola, `/children/${olaChild.pupil_id}/timetable`),
    get(torunn, `/pupils/${pupil.pupil_id}`),
    post(kari, `/children/${thread.pupil_id}/messages/${thread.id}/replies`, { body: 'Takk for beskjed!' }),
    get(kari, `/children/${b ?? a}/documents`),
    get(marius, '/messages'),
    get(kari, '/broadcasts'),
    get(torunn, '/broadcasts'),
    get(ola, '/me/contact'),
    get(marius, `/classes/${classId}/consents`),
    get(kari, `/children/${a}/messages`),
    get(marius, '/home'),
    post(torunn, `/messages/${thread.id}/replies`, { body: 'Bra, vi ses i morgen.' }),
  ];
}

/** A real login through the built-in test IdP, as a browser without JavaScript. */
async function logIn(appUrl: string, key: DemoLoginKey): Promise<Browser> {
  const login = DEMO_LOGINS.find((l) => l.key === key)!;
  const provider = login.feideId ? 'feide' : 'idporten';
  const browser = new Browser();
  const start = new URL(`/login/${provider}`, appUrl);
  const { url, res } = await browser.follow(await browser.request(start), start, () => false);
  const html = await res!.text();
  const action = new URL(formAction(html, /\/login$/), url);
  const form: Record<string, string> = login.feideId
    ? { user: login.feideId }
    : { user: login.fodselsnummer!, acr: 'idporten-loa-substantial' };
  const { url: callback } = await browser.follow(await browser.request(action, { form }), action, (u) =>
    u.pathname.includes('/callback'),
  );
  const done = await browser.request(callback);
  if (done.status !== 303) throw new Error(`${login.name} could not log in (${done.status})`);
  return browser;
}
