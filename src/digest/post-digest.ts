import type { WebClient } from '@slack/web-api';
import type { DigestMessage } from '../blocks/digest-pack.js';
import type { AppLogger } from '../logger.js';
import { sendFailure } from '../slack/send-failure.js';
import type { SendQueue } from '../slack/send-queue.js';

export interface DigestChart {
  png: Buffer;
  filename: string;
  comment: string;
  altText: string;
}

export interface PostDigestInput {
  slack: WebClient;
  queue: SendQueue;
  logger: AppLogger;
  channel: string;
  messages: readonly DigestMessage[];
  /** Uploaded as the first reply in the thread; null when rendering failed or was not wanted. */
  chart: DigestChart | null;
  /** For the log lines. */
  key: string;
}

export interface PostDigestResult {
  ts: string;
  threadReplies: number;
  chartUploaded: boolean;
  /** Thread parts that could not be posted (the digest itself was). */
  problems: string[];
}

const reason = (error: unknown) => sendFailure(error).reason;

/**
 * Posts a digest: the first message to the channel (its failure is thrown, so the delivery is
 * recorded as failed), then the chart and the remaining messages in its thread. A thread part that
 * fails is logged and reported back rather than stopping the others, so one bad upload never hides
 * the department list.
 */
export async function postDigest(input: PostDigestInput): Promise<PostDigestResult> {
  const { slack, queue, logger, channel } = input;
  const [first, ...rest] = input.messages;
  if (!first) throw new Error('a digest has at least one message');
  const posted = await queue.send(channel, () =>
    slack.chat.postMessage({ channel, text: first.text, blocks: first.blocks, unfurl_links: false }),
  );
  const ts = posted.ts;
  if (!ts) throw new Error('chat.postMessage returned no ts');
  const problems: string[] = [];
  let chartUploaded = false;
  if (input.chart) {
    const chart = input.chart;
    try {
      await queue.send(channel, () =>
        slack.filesUploadV2({
          channel_id: channel,
          thread_ts: ts,
          file: chart.png,
          filename: chart.filename,
          initial_comment: chart.comment,
          alt_text: chart.altText,
        }),
      );
      chartUploaded = true;
    } catch (error) {
      problems.push(`chart: ${reason(error)}`);
      logger.event('error', 'digest chart upload failed; the digest went out without it', {
        key: input.key,
        channel,
        error: reason(error),
      });
    }
  }
  let threadReplies = 0;
  for (const [index, message] of rest.entries()) {
    try {
      await queue.send(channel, () =>
        slack.chat.postMessage({
          channel,
          thread_ts: ts,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
        }),
      );
      threadReplies += 1;
    } catch (error) {
      problems.push(`part ${index + 2}: ${reason(error)}`);
      logger.event('error', 'digest thread message failed', {
        key: input.key,
        channel,
        part: index + 2,
        parts: input.messages.length,
        error: reason(error),
      });
    }
  }
  return { ts, threadReplies, chartUploaded, problems };
}
