import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Noto Sans JP from @expo-google-fonts (OFL): regular for labels, bold for titles. */
const FONT_MODULES = [
  '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
];

let cached: string[] | undefined;

/** Paths of the Japanese font files, resolved from node_modules once; throws if the package is missing. */
export function chartFontFiles(): string[] {
  if (cached) return cached;
  const files = FONT_MODULES.map((m) => require.resolve(m));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`chart font files not found: ${missing.join(', ')}`);
  cached = files;
  return files;
}
