import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

// `npm start` as a user runs it: a real process on an embedded data directory.
const dataDir = mkdtempSync(path.join(tmpdir(), 'skolebro-start-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(port: number, extra: NodeJS.ProcessEnv = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_REQUESTS: 'false', NODE_ENV: 'development', ...extra };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function waitFor(predicate: () => boolean, what: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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

test('first start seeds and serves; a second start on the same data refuses and touches nothing; a restart reuses the data', async () => {
  const port = await freePort();
  // Without background delivery, so nothing writes to the data directory while the second start is watched.
  const quiet = { OUTBOX_WORKER: 'false', LETTER_DISPATCHER: 'false' };
  const first = start(port, quiet);
  await waitFor(() => first.output().includes('Skolebro is running'), 'the first start');
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

  const again = start(port);
  await waitFor(() => again.output().includes('Skolebro is running'), 'the restart');
  assert.doesNotMatch(again.output(), /Seeded demo data/);
  // With the worker on (the default), the restart delivers the demo's notifications the first start left queued.
  await waitFor(() => /"job":"outbox","planned":[1-9]/.test(again.output()), 'the delivery worker');
  again.child.kill('SIGTERM');
  assert.equal(await again.exited, 0);
});
