import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/domain/clean-text.js';
import { escapeMrkdwn, mention, truncate } from '../../src/domain/mrkdwn.js';

const unescapeMrkdwn = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<!here>', '&lt;!here&gt;'],
    ['<@U1>', '&lt;@U1&gt;'],
    ['<http://x|y>', '&lt;http://x|y&gt;'],
    ['a & b', 'a &amp; b'],
    ['&lt;', '&amp;lt;'],
    ['plain 日本語 *bold*', 'plain 日本語 *bold*'],
    ['', ''],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it('never leaves < or > and unescapes back to the cleaned input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (input) => {
        const out = escapeMrkdwn(input);
        expect(out).not.toMatch(/[<>]/);
        expect(unescapeMrkdwn(out)).toBe(cleanText(input, { multiline: true }));
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips strings dense in &, <, > and entity look-alikes', () => {
    const unit = fc.constantFrom('&', '<', '>', 'a', ';', 'lt', 'gt', 'amp', '&amp;', '&lt;', '!', '@');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (input) => {
        const out = escapeMrkdwn(input);
        expect(out).not.toMatch(/[<>]/);
        expect(unescapeMrkdwn(out)).toBe(input);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('truncate', () => {
  it('leaves text within the limit unchanged', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abc', 10)).toBe('abc');
    expect(truncate('', 1)).toBe('');
  });

  it('cuts with an ellipsis so the result has exactly max characters', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(Array.from(truncate('abcdef', 4))).toHaveLength(4);
  });

  it('counts code points, so emoji are not split into surrogate halves', () => {
    const emoji = '😀😀😀😀😀';
    expect(truncate(emoji, 5)).toBe(emoji);
    expect(truncate(emoji, 3)).toBe('😀😀…');
    expect(truncate('😀😀😀', 2)).toBe('😀…');
    expect(truncate('😀😀😀', 2)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('never exceeds max code points and only changes text that was too long', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 1, max: 70 }), (text, max) => {
        const out = truncate(text, max);
        expect(Array.from(out).length).toBeLessThanOrEqual(max);
        if (Array.from(text).length <= max) expect(out).toBe(text);
        else {
          expect(out.endsWith('…')).toBe(true);
          expect(text.startsWith(out.slice(0, -1))).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('mention', () => {
  it.each(['U123ABC', 'W0123456', 'U1'])('wraps the user id %s', (id) => {
    expect(mention(id)).toBe(`<@${id}>`);
  });

  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['u123', 'u123'],
    ['B123', 'B123'],
    ['U', 'U'],
    ['U123>', 'U123&gt;'],
    ['U12|x', 'U12|x'],
    ['U123 ', 'U123 '],
    ['', ''],
    ['<@U1>', '&lt;@U1&gt;'],
  ])('does not wrap %j (escapes it instead)', (id, expected) => {
    expect(mention(id)).toBe(expected);
    expect(mention(id)).not.toMatch(/[<>]/);
  });
});
