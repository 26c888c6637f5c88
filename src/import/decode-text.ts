import iconv from 'iconv-lite';
import { type Locale, type MessageKey, t } from '../i18n/messages.js';

export type TextEncoding = 'utf-8-bom' | 'utf-8' | 'cp932';

export type DecodedText = { ok: true; text: string; encoding: TextEncoding } | { ok: false; message: string };

/**
 * Decodes an import file. Japanese Excel saves CSV as Shift_JIS (CP932) unless told "CSV UTF-8",
 * which adds a BOM, so: BOM → UTF-8; valid UTF-8 → UTF-8; otherwise CP932, refused when even
 * CP932 cannot decode it (a file mixing encodings, or not text at all). Refusals are in the language.
 */
export function decodeText(bytes: Uint8Array, locale: Locale = 'en'): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8(bytes.subarray(3));
    if (text === null) return { ok: false, message: invalidMessage('import.encoding.invalid_bom', bytes, 3, locale) };
    return { ok: true, text, encoding: 'utf-8-bom' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: t(locale, 'import.encoding.utf16') };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  if (mostlyUtf8(bytes)) {
    return { ok: false, message: invalidMessage('import.encoding.invalid_mostly', bytes, 0, locale) };
  }
  const cp932 = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  const bad = cp932.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = cp932.slice(0, bad).split('\n').length;
    return { ok: false, message: t(locale, 'import.encoding.mixed', { line }) };
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

function invalidMessage(key: MessageKey, bytes: Uint8Array, start: number, locale: Locale): string {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start));
  const line = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
  return t(locale, key, { line });
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
