import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DEMO_LOGINS, type DemoLogin } from '../../src/db/seed/demo.ts';
import { freePort } from '../support/server-process.ts';

// `npm start` as a user runs it: a real process on an embedded data directory.
const dataDir = mkdtempSync(path.join(tmpdir(), 'skolebro-start-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Every process the test started: stopped at its end, also when an assertion failed. */
const started: Started[] = [];

function start(port: number, extra: NodeJS.ProcessEnv = {}): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_REQUESTS: 'false',
    NODE_ENV: 'development',
    ...extra,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const entry: Started = { child, output: () => text, exited };
  started.push(entry);
  return entry;
}

const running = (p: Started) => p.child.exitCode === null && p.child.signalCode === null;

/** SIGTERM, then SIGKILL if it has not exited within 10 s; resolves when it has exited. */
async function stop(p: Started): Promise<void> {
  if (running(p)) p.child.kill('SIGTERM');
  const kill = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
  await p.exited;
  clearTimeout(kill);
}

/** Waits until the output satisfies `predicate` (seeding on a busy machine is slow); fails if the process exits. */
async function waitFor(p: Started, predicate: (output: string) => boolean, what: string, ms = 180_000) {
  const until = Date.now() + ms;
  while (!predicate(p.output())) {
    const exit = p.child.exitCode ?? p.child.signalCode;
    if (exit !== null) throw new Error(`The process exited (${exit}) before ${what}:\n${p.output()}`);
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}:\n${p.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The start is complete when the demo-login list, printed after "Skolebro is running", has its last line. */
function demoLoginsPrinted(output: string): boolean {
  const list = output.split('Demo logins (built-in test identity provider):\n')[1];
  const identity = (l: DemoLogin) => (l.feideId ? `Feide ${l.feideId}` : `ID-porten ${l.fodselsnummer}`);
  return list !== undefined && DEMO_LOGINS.every((l) => list.includes(`${identity(l)}\n`));
}

function snapshot(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const stat = statSync(file);
      return `${file}:${stat.size}:${stat.mtimeMs}`;
    })
    .sort()
    .join('\n');
}

test('first start seeds and serves; a second start on the same data refuses and touches nothing; a restart reuses the data; after kill -9 a start takes over within seconds', async () => {
  try {
    const port = await freePort();
    // A container restarted: the lock left by the previous run names a PID that now belongs to another live process.
    const unrelated = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    after(() => unrelated.kill('SIGKILL'));
    writeFileSync(`${dataDir}.lock`, String(unrelated.pid));
    // Without background delivery, so nothing writes to the data directory while the second start is watched.
    const quiet = { OUTBOX_WORKER: 'false', LETTER_DISPATCHER: 'false' };
    const first = start(port, quiet);
    await waitFor(first, demoLoginsPrinted, 'the first start and its demo logins');
    assert.match(first.output(), /Skolebro is running/);
    assert.match(first.output(), /Seeded demo data/);
    assert.match(first.output(), /Kari Nordmann/);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);

    const before = snapshot(dataDir);
    const second = start(await freePort(), quiet);
    const code = await second.exited;
    assert.equal(code, 1);
    assert.match(second.output(), /in use by another Skolebro process/);
    assert.equal(snapshot(dataDir), before);

    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);

    const restartAt = Date.now();
    const again = start(port);
    await waitFor(again, (output) => /Skolebro is running/.test(output), 'the restart');
    // How long a start takes on this machine now (a loaded CI machine starts slower): the bound below is relative.
    const startMs = Date.now() - restartAt;
    await waitFor(again, demoLoginsPrinted, 'the restart and its demo logins');
    assert.doesNotMatch(again.output(), /Seeded demo data/);
    // With the worker on (the default), the restart delivers the demo's notifications the first start left queued.
    await waitFor(again, (output) => /"job":"outbox","planned":[1-9]/.test(output), 'the delivery worker');
    again.child.kill('SIGKILL');
    await again.exited;

    // The killed process left its lock; it is abandoned as stale after 10 s and the next start goes ahead.
    const killedAt = Date.now();
    const afterCrash = start(port, quiet);
    await waitFor(afterCrash, (output) => /Skolebro is running/.test(output), 'the start after kill -9', 120_000);
    // The stale lock costs its 10 s (plus a renewal's slack), not more: at most that and two ordinary starts.
    const bound = 15_000 + 2 * startMs;
    assert.ok(Date.now() - killedAt < bound, `running ${Date.now() - killedAt} ms after the kill (bound ${bound} ms)`);
    afterCrash.child.kill('SIGTERM');
    assert.equal(await afterCrash.exited, 0);
  } finally {
    await Promise.all(started.map(stop));
  }
});
