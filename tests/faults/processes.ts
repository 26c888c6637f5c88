import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Child processes for the reminder fault tests: the built CLI (`npm run build` first) and the
// scheduler driver (run from source with tsx). Their output is collected for the assertions.

export const root = join(import.meta.dirname, '..', '..');
/** The built CLI; TRACKER_FAULTS_CLI runs the tests against another build (e.g. without a fix). */
export const cli = process.env.TRACKER_FAULTS_CLI ?? join(root, 'dist', 'src', 'cli', 'main.js');
export const driver = join(import.meta.dirname, 'scheduler-driver.ts');

export function assertBuilt(): void {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` before the fault tests`);
}

/** The environment of a bot process: nothing inherited but PATH and HOME, so the test decides every setting. */
export function botEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, SLACK_BOT_TOKEN: 'xoxb-faults-token', ...settings };
}

export interface Child {
  process: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  stdoutLines(): string[];
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startChild(args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, args, { env, cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let stdout = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
    stdout += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    output: () => out,
    stdoutLines: () => stdout.split('\n').filter(Boolean),
    exited,
  };
}

/** `tracker jobs run <job> --at <instant>` with the built CLI; resolves when it exits. */
export async function jobsRun(
  job: string,
  at: Date,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const child = startChild([cli, 'jobs', 'run', job, '--at', at.toISOString()], env);
  const { code, signal } = await child.exited;
  return { code, signal, output: child.output() };
}

/** The JSON log lines of a process's output with a given msg. */
export function logLines(output: string, msg: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((l) => {
    if (!l.startsWith('{')) return [];
    try {
      const line = JSON.parse(l) as Record<string, unknown>;
      return line.msg === msg ? [line] : [];
    } catch {
      // The last line of a killed process can be cut short.
      return [];
    }
  });
}

/** Waits until a line matching the pattern appears on the child's stdout. */
export async function waitForLine(child: Child, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const line = child.stdoutLines().find((l) => pattern.test(l));
    if (line) return line;
    if (child.process.exitCode !== null) throw new Error(`process exited before ${pattern}:\n${child.output()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${child.output()}`);
    await sleep(20);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
