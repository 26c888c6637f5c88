import type { KnownBlock } from '@slack/web-api';
import { SLACK_LIMITS } from './limits.js';

/** One chat.postMessage: a short notification fallback and the blocks. */
export interface DigestMessage {
  text: string;
  blocks: KnownBlock[];
}

export const DIGEST_LIMITS = {
  blocksPerMessage: SLACK_LIMITS.messageBlocks,
  sectionText: SLACK_LIMITS.sectionText,
  /**
   * Slack rejects a message whose blocks add up to roughly 13,000 characters (msg_blocks_too_long),
   * well below the documented 40,000 for text; the serialised blocks are kept under this budget.
   */
  messageChars: 11_000,
  /** Room kept in every message for the continuation header or the thread hint. */
  reservedChars: 400,
  /** The notification fallback stays short; the blocks carry the content. */
  fallbackText: 300,
} as const;

/** Serialised size of blocks, the measure Slack's block-size limit behaves like. */
export function blocksSize(blocks: readonly KnownBlock[]): number {
  return JSON.stringify(blocks).length;
}

/**
 * Joins lines into texts of at most max characters without cutting a line; a heading goes on
 * the first text. A single line longer than max (which our own lines never are) is split hard
 * rather than dropped, so nothing is lost silently.
 */
export function chunkLines(
  lines: readonly string[],
  max: number = DIGEST_LIMITS.sectionText,
  heading?: string,
): string[] {
  const pieces: string[] = [];
  for (const line of lines) {
    if (line.length <= max) {
      pieces.push(line);
      continue;
    }
    for (let i = 0; i < line.length; i += max) pieces.push(line.slice(i, i + max));
  }
  const chunks: string[] = [];
  let current = heading ?? '';
  let hasContent = heading !== undefined;
  for (const piece of pieces) {
    const next = hasContent ? `${current}\n${piece}` : piece;
    if (next.length <= max) {
      current = next;
      hasContent = true;
      continue;
    }
    chunks.push(current);
    current = piece;
    hasContent = true;
  }
  if (hasContent && current.length > 0) chunks.push(current);
  return chunks;
}

/** mrkdwn section blocks, one per chunk of lines. */
export function sectionsFromLines(lines: readonly string[], heading?: string): KnownBlock[] {
  return chunkLines(lines, DIGEST_LIMITS.sectionText, heading).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text },
  }));
}

/**
 * Splits blocks into messages within Slack's limits: at most 50 blocks (one kept free) and the
 * character budget, both less the room reserved for a header. Order is kept; nothing is dropped.
 */
export function packBlocks(blocks: readonly KnownBlock[]): KnownBlock[][] {
  const maxBlocks = DIGEST_LIMITS.blocksPerMessage - 1;
  const maxChars = DIGEST_LIMITS.messageChars - DIGEST_LIMITS.reservedChars;
  const pages: KnownBlock[][] = [];
  let page: KnownBlock[] = [];
  let size = 2;
  for (const block of blocks) {
    const blockSize = JSON.stringify(block).length + 1;
    if (page.length > 0 && (page.length + 1 > maxBlocks || size + blockSize > maxChars)) {
      pages.push(page);
      page = [];
      size = 2;
    }
    page.push(block);
    size += blockSize;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
