import type { KnownBlock } from '@slack/web-api';
import { expect } from 'vitest';
import type { DigestMessage } from '../../src/blocks/digest-pack.js';

/** Every text a block shows (section text and fields, context elements, header). */
export function blockTexts(block: KnownBlock): string[] {
  switch (block.type) {
    case 'section':
      return [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)];
    case 'context':
      return block.elements.map((e) => ('text' in e && typeof e.text === 'string' ? e.text : ''));
    case 'header':
      return [block.text.text];
    default:
      return [];
  }
}

/** Asserts Slack's limits on each message: ≤ 50 blocks, ≤ 3000 chars per section, short fallback, total size. */
export function expectWithinSlackLimits(messages: readonly DigestMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const [i, m] of messages.entries()) {
    expect(m.blocks.length, `message ${i + 1} blocks`).toBeLessThanOrEqual(50);
    expect(m.text.length, `message ${i + 1} fallback`).toBeLessThanOrEqual(300);
    expect(m.text.length).toBeGreaterThan(0);
    // Slack answers msg_blocks_too_long near 13,000 characters of blocks.
    expect(JSON.stringify(m.blocks).length, `message ${i + 1} size`).toBeLessThanOrEqual(12_000);
    for (const b of m.blocks) {
      if (b.type === 'section') expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
      if (b.type === 'context') {
        expect(b.elements.length).toBeLessThanOrEqual(10);
        for (const text of blockTexts(b)) expect(text.length).toBeLessThanOrEqual(3000);
      }
    }
  }
}

/** All the text of all the messages, joined. */
export function allText(messages: readonly DigestMessage[]): string {
  return messages.flatMap((m) => m.blocks.flatMap(blockTexts)).join('\n');
}
