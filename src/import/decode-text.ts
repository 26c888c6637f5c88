import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8-bom' | 'utf-8' | 'cp932';

export type DecodedText = { ok: true; text: string; encoding: TextEncoding } | { ok: false; message: string };

/**
 * Decodes an import file. Japanese Excel saves CSV as Shift_JIS (CP932) unless told "CSV UTF-8",
 * which adds a BOM, so: BOM → UTF-8; valid UTF-8 → UTF-8; otherwise CP932, refused when even
 * CP932 cannot decode it (a file mixing encodings, or not text at all).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8(bytes.subarray(3));
    if (text === null) return { ok: false, message: invalidMessage('UTF-8 (it starts with a UTF-8 BOM)', bytes, 3) };
    return { ok: true, text, encoding: 'utf-8-bom' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      message:
        'the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or CSV (Shift_JIS) instead / UTF-16 には対応していません。「CSV UTF-8」で保存してください',
    };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  if (mostlyUtf8(bytes)) {
    return { ok: false, message: invalidMessage('UTF-8 (most of the file is UTF-8, some bytes are not)', bytes, 0) };
  }
  const cp932 = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  const bad = cp932.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = cp932.slice(0, bad).split('\n').length;
    return {
      ok: false,
      message:
        `mixed or invalid encoding: the file is neither valid UTF-8 nor valid Shift_JIS/CP932 (first undecodable byte on line ${line}); ` +
        `save it again as "CSV UTF-8" / 文字コードが混在しているか不正です（${line}行目）。「CSV UTF-8」で保存し直してください`,
    };
  }
  return { ok: true, text: cp932, encoding: 'cp932' };
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function invalidMessage(what: string, bytes: Uint8Array, start: number): string {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start));
  const line = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
  return `invalid ${what}: undecodable bytes on line ${line} (mixed encoding?) / 文字コードが不正です（${line}行目）`;
}

/**
 * CP932 decoding rarely fails on UTF-8 bytes (it yields mojibake instead), so a file that is mostly
 * valid UTF-8 with a few foreign bytes (one pasted Shift_JIS cell) is recognised here as mixed.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let valid = 0;
  let replaced = 0;
  for (const ch of lenient) {
    if (ch === '\uFFFD') replaced++;
    else if ((ch.codePointAt(0) ?? 0) >= 0x800) valid++;
  }
  return valid > replaced;
}
