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

/** Starts the compiled bot (`tracker start`) on databaseUrl. */
export function startBot(env: NodeJS.ProcessEnv, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'start'], {
    env: { ...env, DATABASE_URL: databaseUrl },
  });
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
