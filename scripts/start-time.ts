/**
 * npm run bench:start: how long `npm start` takes to its first page (issue 18, item 6). Starts the app exactly as
 * `npm start` does (npm, scripts/start.mjs, dist/server.js) on the embedded database, three times on a new data
 * directory (cold) and three times on the one the last cold start left (restart), timing until GET / answers 200
 * (polled every 25 ms). Prints each run's phases (the server's "Started in" line), the medians, and the resident
 * memory (RSS) of the server process once the first page has been served.
 *
 *   npm run bench:start
 *   BENCH_START_RUNS=5 npm run bench:start
 *   DATABASE_URL=postgres://… npm run bench:start   # restarts only (there is no new data directory to make)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_START_RUNS ?? 3);
const port = Number(process.env.BENCH_START_PORT ?? 3790);
const postgres = Boolean(process.env.DATABASE_URL);

interface Run {
  ms: number;
  phases: string;
  rssMb: number;
}

async function startOnce(dataDir: string): Promise<Run> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), TEST_IDP_PORT: String(port + 1), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: npm, sh and node stop together
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  try {
    while (!(await answers200())) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      if (performance.now() - started > 180_000) throw new Error(`no 200 within 3 minutes:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const ms = performance.now() - started;
    const phases = /Started in (.*)/.exec(output)?.[1] ?? '?';
    return { ms, phases, rssMb: serverProcess(child.pid!).rssMb };
  } finally {
    await stop(child);
  }
}

async function answers200(): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** The node process that serves: the largest in npm's process group (npm, sh, node), and its RSS in MB. */
function serverProcess(groupId: number): { pid: number; rssMb: number } {
  let largest = { pid: groupId, rssKb: 0 };
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      if (pgid === groupId && rssKb > largest.rssKb) largest = { pid: Number(pid), rssKb };
    } catch {
      // the process ended meanwhile
    }
  }
  return { pid: largest.pid, rssMb: Math.round(largest.rssKb / 1024) };
}

/** SIGTERM to the server (it closes its database and exits, and npm with it); the whole group is killed after 20 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(serverProcess(child.pid!).pid, 'SIGTERM');
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function series(name: string, dataDirFor: () => string): Promise<Run[]> {
  const results: Run[] = [];
  for (let i = 1; i <= runs; i++) {
    const run = await startOnce(dataDirFor());
    console.log(`${name} ${i}: ${Math.round(run.ms)} ms to the first 200, RSS ${run.rssMb} MB — server: ${run.phases}`);
    results.push(run);
  }
  return results;
}

const base = mkdtempSync(path.join(tmpdir(), 'skolebro-start-'));
try {
  console.log(
    `npm start on ${postgres ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}, ${runs} runs each; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  let last = '';
  const cold = postgres
    ? []
    : await series('cold', () => {
        last = path.join(base, `data-${Date.now()}`);
        return last;
      });
  if (postgres) last = path.join(base, 'unused');
  const restart = await series('restart', () => last);
  console.log('');
  if (cold.length)
    console.log(
      `cold start: median ${Math.round(median(cold.map((r) => r.ms)))} ms, RSS ${median(cold.map((r) => r.rssMb))} MB`,
    );
  console.log(
    `restart:    median ${Math.round(median(restart.map((r) => r.ms)))} ms, RSS ${median(restart.map((r) => r.rssMb))} MB`,
  );
} finally {
  rmSync(base, { recursive: true, force: true });
}
