import { LogLevel, WebClient, WebClientEvent } from '@slack/web-api';
import type { ThrottledSlackLimits } from './throttled-slack.js';

// The fan-out baseline: one message to each recipient through a bare WebClient paced by an ideal
// token bucket set to the fake Slack's own limits, its 429s waited out by the client itself as the
// bot's are. No database, no claims, no rendering: the time the transport and the limits alone
// allow, measured in the same run as the bot.

export interface BareFanoutResult {
  seconds: number;
  sent: number;
  http429: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function bareFanout(
  url: string,
  recipients: string[],
  limits: ThrottledSlackLimits,
  concurrency = 4,
): Promise<BareFanoutResult> {
  const client = new WebClient('xoxb-bench', {
    slackApiUrl: url,
    // A line per 429 would only clutter the report; they are counted here and by the fake.
    logLevel: LogLevel.ERROR,
  });
  let http429 = 0;
  client.on(WebClientEvent.RATE_LIMITED, () => {
    http429++;
  });
  let tokens = limits.workspaceBurst;
  let tokensAt = Date.now();
  // Takes one token, waiting for it; callers are serialised by the single event loop.
  const take = async () => {
    for (;;) {
      const now = Date.now();
      tokens = Math.min(limits.workspaceBurst, tokens + ((now - tokensAt) / 1000) * limits.workspaceRate);
      tokensAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - tokens) / limits.workspaceRate) * 1000));
    }
  };
  let next = 0;
  let sent = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < recipients.length) {
      const channel = recipients[next++] as string;
      await take();
      await client.chat.postMessage({
        channel,
        text: '重点目標の進捗報告をお願いします',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*重点目標* の進捗報告をお願いします' } }],
      });
      sent++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { seconds: (Date.now() - started) / 1000, sent, http429 };
}
