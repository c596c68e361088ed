// Runs the real Python server for the end-to-end tests, the way `make run` does, on a fresh
// SQLite database with the demo practice and the dev phone.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PWA_DIR = resolve(import.meta.dirname, '../..');
const REPO_ROOT = resolve(PWA_DIR, '..');
const CLI = join(REPO_ROOT, '.venv/bin/careplan');
const DIST = join(PWA_DIR, 'dist');

export interface RunningServer {
  baseUrl: string;
  /** Where the server keeps its data: `careplan scheduler --once` ticks the same database. */
  databaseUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

async function waitForHealthy(url: string, server: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`careplan serve exited (${server.exitCode}):\n${readFileSync(log, 'utf8')}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`careplan serve was not healthy within 30 s:\n${readFileSync(log, 'utf8')}`);
}

function stopProcess(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 5_000);
    server.once('exit', () => {
      clearTimeout(force);
      done();
    });
    server.kill('SIGTERM');
  });
}

export async function startServer(): Promise<RunningServer> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`make install\` at the repo root.`);
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('pwa/dist is missing: run `npm run build` first.');

  const workDir = mkdtempSync(join(tmpdir(), 'careplan-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    CAREPLAN_DEV_PHONE: '1',
    CAREPLAN_DATABASE_URL: `sqlite:///${join(workDir, 'e2e.db')}`,
    CAREPLAN_PUBLIC_URL: baseUrl,
    CAREPLAN_PWA_DIST: DIST,
  };
  const run = (args: string[]) =>
    execFileSync(CLI, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 60_000 });
  run(['migrate']);
  run(['demo']);

  const log = join(workDir, 'serve.log');
  const logFd = openSync(log, 'w');
  const server = spawn(CLI, ['serve', '--port', String(port), '--no-scheduler'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  try {
    await waitForHealthy(`${baseUrl}/healthz`, server, log);
  } catch (error) {
    await stopProcess(server);
    throw error;
  }

  return {
    baseUrl,
    databaseUrl: env.CAREPLAN_DATABASE_URL,
    async stop() {
      await stopProcess(server);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
