// The compiled bot as the benchmarks run it: built, started in HTTP mode against a fake Slack, and
// the two requests they send (/progress and a progress submission), signed like Slack's.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  interactionBody,
  loadFixture,
  SIGNING_SECRET,
  signedPost,
  viewSubmission,
} from '../tests/helpers/slack-driver.js';

const root = join(import.meta.dirname, '..');

export type RequestKind = 'command' | 'submit';

/** Compiles the bot into dist/ (incremental: seconds when up to date); throws with tsc's output on failure. */
export function buildBot(): void {
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', '.bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')],
    { encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
}

/** The environment of a bot (or the bare Bolt app) talking to the fake Slack at apiUrl. */
export function botEnvironment(apiUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    LOG_LEVEL: 'warn',
  };
}

/** The preload that samples a bot's event-loop delay (bench/event-loop-probe.mjs). */
const EVENT_LOOP_PROBE = join(root, 'bench', 'event-loop-probe.mjs');

/**
 * Extra Node options for the bot from BENCH_BOT_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
 * to profile it (Node refuses --cpu-prof in NODE_OPTIONS).
 */
function botNodeArgs(): string[] {
  return (process.env.BENCH_BOT_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

/**
 * Settings that keep the scheduled jobs out of a measurement: no digests, and no catching up at
 * start on reminders due earlier in the day (a bench seeded with months of reports would otherwise
 * send a round of reminders while it measures something else).
 */
export const QUIET_JOBS = {
  TRACKER_WEEKLY_DIGEST: 'off',
  TRACKER_DEPARTMENT_DIGEST: 'off',
  TRACKER_CATCH_UP_HOURS: '0',
} as const;

/**
 * Starts the compiled bot (`tracker start`) on databaseUrl, with the event-loop probe preloaded
 * (readEventLoopDelay reads it).
 */
export function startBot(env: NodeJS.ProcessEnv, databaseUrl: string): ChildProcess {
  const main = join(root, 'dist', 'src', 'cli', 'main.js');
  return spawn(process.execPath, [...botNodeArgs(), '--import', EVENT_LOOP_PROBE, main, 'start'], {
    env: { ...env, DATABASE_URL: databaseUrl },
  });
}

/** Event-loop delay beyond the sampling resolution, in ms (bench/event-loop-probe.mjs). */
export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
  samples: number;
}

/**
 * The event-loop delay a bot started by startBot saw since the previous call (or its start); the
 * probe starts afresh after each. Resolves with the probe's next line, within 10 s.
 */
export function readEventLoopDelay(child: ChildProcess): Promise<EventLoopDelay> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.stdout?.off('data', onData);
      reject(new Error('no event-loop delay from the bot within 10 s'));
    }, 10_000);
    const onData = (d: Buffer) => {
      out += String(d);
      const m = /EVENT_LOOP_DELAY (\{.*\})/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(JSON.parse(m[1] as string) as EventLoopDelay);
      }
    };
    child.stdout?.on('data', onData);
    child.kill('SIGUSR2');
  });
}

/** "p50 0.1 ms, p99 2.3 ms, max 40 ms" */
export function formatEventLoopDelay(d: EventLoopDelay): string {
  return `p50 ${d.p50} ms, p99 ${d.p99} ms, max ${d.max} ms`;
}

/** The port a started app prints ("HTTP on :PORT"), within 30 s. */
export async function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no port in: ${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += String(d);
      const m = /HTTP on :(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

/** Sends request number i of a kind for a user to the app at url; resolves with the HTTP status. */
export function benchRequester(url: string, responseUrl: string) {
  const post = signedPost(url);
  const fields = loadFixture<{ fields: Record<string, string> }>('slash_command.docs_example.json').fields;
  return async (kind: RequestKind, user: { id: string; targetId: number }, i: number): Promise<number> => {
    const res =
      kind === 'command'
        ? await post(
            new URLSearchParams({
              ...fields,
              command: '/progress',
              text: '',
              user_id: user.id,
              response_url: responseUrl,
            }).toString(),
            'application/x-www-form-urlencoded',
          )
        : await post(
            interactionBody(
              viewSubmission({
                userId: user.id,
                callbackId: 'progress_submit',
                privateMetadata: JSON.stringify({ v: 1, targetId: user.targetId }),
                values: {
                  target: {
                    progress_target: { type: 'static_select', selected_option: { value: String(user.targetId) } },
                  },
                  status: { status: { type: 'static_select', selected_option: { value: 'on_track' } } },
                  percent: { percent: { type: 'plain_text_input', value: String(i % 100) } },
                },
              }),
            ),
            'application/x-www-form-urlencoded',
          );
    return res.status;
  };
}
