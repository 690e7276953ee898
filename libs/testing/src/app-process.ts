import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { waitFor } from './wait-for';

const ROOT = resolve(__dirname, '..', '..', '..');

export interface AppProcess {
  url: string;
  baseUrl: string;
  logFile: string;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** True if nobody listens on 127.0.0.1:`port`. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  // A process killed by a signal has no exit code, but its signal code.
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once('exit', () => r()));
}

/**
 * Runs a built app (`gateway` or `services/<name>`) from dist/ as its own process, as in
 * production, and resolves when its /health answers 200. On a free port, or on `env.PORT` (to
 * restart an app where its callers know it).
 */
export async function startApp(app: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const logDir = join(ROOT, 'tmp', 'e2e-logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${app.replace(/\//g, '-')}-${port}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(ROOT, 'dist', app, 'src', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      OUTBOX_POLL_MS: '200',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${app} exited with code ${child.exitCode}`);
        const res = await fetch(`${baseUrl}/health`).catch(() => undefined);
        return res?.ok ? true : undefined;
      },
      // A stack starts its apps side by side: on two loaded cores one can take over a minute.
      120_000,
      200,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(
      `${app} did not become healthy: ${(error as Error).message}\n${readFileSync(logFile, 'utf8').slice(-3000)}`,
    );
  }
  return {
    url: `${baseUrl}/graphql`,
    baseUrl,
    logFile,
    stop: async () => {
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
    kill: async () => {
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
  };
}
