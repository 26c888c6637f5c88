import type { KnownBlock } from '@slack/web-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkLines, DIGEST_LIMITS, packBlocks, sectionsFromLines } from '../../src/blocks/digest-pack.js';

describe('chunkLines', () => {
  it('joins lines up to the limit without cutting one', () => {
    expect(chunkLines(['aaa', 'bbb', 'ccc'], 7)).toEqual(['aaa\nbbb', 'ccc']);
    expect(chunkLines(['aaa', 'bbb'], 7, 'H')).toEqual(['H\naaa', 'bbb']);
  });

  it('splits a line longer than the limit instead of dropping it', () => {
    expect(chunkLines(['x'.repeat(10)], 4)).toEqual(['xxxx', 'xxxx', 'xx']);
  });

  it('keeps a heading alone when there are no lines', () => {
    expect(chunkLines([], 10, 'H')).toEqual(['H']);
    expect(chunkLines([], 10)).toEqual([]);
  });

  it('keeps every character, in order, within the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 50 }), { maxLength: 40 }),
        fc.integer({ min: 5, max: 80 }),
        (lines, max) => {
          const chunks = chunkLines(lines, max);
          for (const c of chunks) expect(c.length).toBeLessThanOrEqual(max);
          expect(chunks.join('\n').replace(/\n/g, '')).toBe(lines.join('').replace(/\n/g, ''));
        },
      ),
    );
  });
});

describe('packBlocks', () => {
  it('keeps messages under 50 blocks and the size budget, losing nothing (property)', () => {
    const block = fc
      .string({ minLength: 1, maxLength: 3000 })
      .map((text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } }));
    fc.assert(
      fc.property(fc.array(block, { maxLength: 150 }), (blocks) => {
        const pages = packBlocks(blocks);
        expect(pages.flat()).toEqual(blocks);
        for (const page of pages) {
          expect(page.length).toBeLessThanOrEqual(DIGEST_LIMITS.blocksPerMessage - 1);
          if (page.length > 1) {
            expect(JSON.stringify(page).length).toBeLessThanOrEqual(
              DIGEST_LIMITS.messageChars - DIGEST_LIMITS.reservedChars,
            );
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('splits 120 small blocks into three messages', () => {
    const blocks = sectionsFromLines(
      Array.from({ length: 120 }, (_, i) => `line ${i}`).map((l) => l.padEnd(2990, '.')),
    );
    expect(blocks).toHaveLength(120);
    const pages = packBlocks(blocks.slice(0, 3));
    expect(pages).toHaveLength(1);
    expect(packBlocks(blocks).length).toBeGreaterThanOrEqual(120 / 3);
  });
});
