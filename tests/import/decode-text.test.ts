import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/import/decode-text.js';

const TEXT = '部コード,目標名\nseisaku,区公式LINEの開設（髙橋・﨑・№１・①）\n';

describe('decodeText', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: TEXT, encoding: 'utf-8-bom' });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'))).toEqual({ ok: true, text: TEXT, encoding: 'utf-8' });
  });

  it('reads Shift_JIS / CP932 as Japanese Excel saves it, including CP932-only characters', () => {
    const bytes = iconv.encode(TEXT, 'cp932');
    expect(bytes.equals(Buffer.from(TEXT, 'utf8'))).toBe(false);
    expect(decodeText(bytes)).toEqual({ ok: true, text: TEXT, encoding: 'cp932' });
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeText(Buffer.from('a,b\n1,2\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('refuses bytes that are neither UTF-8 nor CP932, naming the line', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\nc,d\n'), Buffer.from([0x82, 0xa0, 0xff, 0xfe, 0x0a])]);
    const result = decodeText(bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/mixed or invalid encoding.*line 3/);
  });

  it('refuses a mostly UTF-8 file with a Shift_JIS cell pasted in (mixed encoding)', () => {
    const bytes = Buffer.concat([Buffer.from(TEXT, 'utf8'), iconv.encode('総務部,職員研修\n', 'cp932')]);
    const result = decodeText(bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/invalid UTF-8 .*line 3/);
  });

  it('refuses a UTF-8 BOM followed by invalid bytes', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(TEXT, 'cp932')]);
    const result = decodeText(bytes);
    expect(!result.ok && result.message).toMatch(/invalid UTF-8 \(it starts with a UTF-8 BOM\).*line 1/);
  });

  it('refuses UTF-16 with advice', () => {
    const result = decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]));
    expect(!result.ok && result.message).toMatch(/UTF-16/);
  });
});
