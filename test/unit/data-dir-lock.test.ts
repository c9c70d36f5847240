import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DataDirLockedError, LOCK_STALE_MS, lockDataDir } from '../../src/db/data-dir-lock.ts';

const root = mkdtempSync(path.join(tmpdir(), 'skolebro-lock-'));
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

let n = 0;
const freshDataDir = () => path.join(root, `data-${++n}`);
const lockModule = path.resolve('src/db/data-dir-lock.ts');

/** Another process that takes the lock and keeps running; resolves once it holds it. */
async function holderProcess(dataDir: string): Promise<ChildProcess> {
  const code = `import { lockDataDir } from ${JSON.stringify(lockModule)};
    lockDataDir(${JSON.stringify(dataDir)}); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => String(chunk).includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`the holder exited (${code})`)));
  });
  return child;
}

/** A live process that is not Skolebro: what a reused PID points at after a container restart. */
function unrelatedProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

test('a lock file from an older start naming the PID of another live process does not block a start', () => {
  const dataDir = freshDataDir();
  const other = unrelatedProcess();
  writeFileSync(`${dataDir}.lock`, String(other.pid));
  const release = lockDataDir(dataDir);
  release();
  assert.equal(existsSync(`${dataDir}.lock`), false);
});

test('the lock of a process killed with -9 is taken over once it is stale, whatever PID lives now', async () => {
  const dataDir = freshDataDir();
  const holder = await holderProcess(dataDir);
  holder.kill('SIGKILL');
  await new Promise((resolve) => holder.on('exit', resolve));
  // The killed holder renews its lock no more; 10 s later it is stale. Age it instead of waiting.
  const past = new Date(Date.now() - LOCK_STALE_MS - 1000);
  utimesSync(`${dataDir}.lock`, past, past);
  const started = Date.now();
  const release = lockDataDir(dataDir);
  assert.ok(Date.now() - started < 1000, 'a stale lock is taken at once');
  release();
});

test('a second process is refused while the holder lives, within a few seconds', async () => {
  const dataDir = freshDataDir();
  const holder = await holderProcess(dataDir);
  const started = Date.now();
  assert.throws(
    () => lockDataDir(dataDir),
    (error: Error) => error instanceof DataDirLockedError && /in use by another Skolebro process/.test(error.message),
  );
  assert.ok(Date.now() - started < LOCK_STALE_MS / 2, 'refused before the stale time');
  holder.kill('SIGTERM');
  await new Promise((resolve) => holder.on('exit', resolve));
  const release = lockDataDir(dataDir); // released on exit
  release();
});

test('in one process, a held lock refuses a second taker until it is released', () => {
  const dataDir = freshDataDir();
  const release = lockDataDir(dataDir);
  assert.throws(() => lockDataDir(dataDir), DataDirLockedError);
  release();
  release(); // twice is harmless
  lockDataDir(dataDir)();
});
