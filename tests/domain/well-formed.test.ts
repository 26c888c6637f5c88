import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, wellFormed } from '../../src/domain/well-formed.js';

describe('wellFormed', () => {
  it('replaces each lone surrogate by one U+FFFD and keeps pairs', () => {
    expect(wellFormed('a\ud800b😀c\udc00')).toBe('a\ufffdb😀c\ufffd');
    expect(wellFormed('\ud800'.repeat(1000))).toBe('\ufffd'.repeat(1000));
  });

  it('agrees with String.prototype.toWellFormed on any UTF-16 string', () => {
    const toWellFormed = (s: string) => (s as string & { toWellFormed(): string }).toWellFormed();
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }),
        (a, b) => {
          const s = a + b + a;
          expect(wellFormed(s)).toBe(toWellFormed(s));
          expect(hasLoneSurrogate(wellFormed(s))).toBe(false);
        },
      ),
    );
  });

  it('finds lone surrogates and nothing else', () => {
    expect(hasLoneSurrogate('日本語 😀 𠮷')).toBe(false);
    expect(hasLoneSurrogate('x\udfffy')).toBe(true);
  });
});
