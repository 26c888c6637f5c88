import type { Locale } from '../i18n/messages.js';

const LOCALES: readonly Locale[] = ['ja', 'en'];

function asLocale(value: string | undefined): Locale | undefined {
  const v = value?.trim().toLowerCase();
  return LOCALES.find((l) => l === v);
}

export type LangOption = { locale: Locale; args: string[] } | { locale: Locale; error: string };

/**
 * The language of the command line's messages and the arguments without `--lang`: `--lang ja|en`
 * (or `--lang=en`) anywhere before `--`, else TRACKER_LANG, else Japanese. TRACKER_LANG is
 * validated with the rest of the configuration (src/config.ts); here an unreadable value only
 * leaves the messages in Japanese until the configuration reports it.
 */
export function readLangOption(argv: readonly string[], env: NodeJS.ProcessEnv): LangOption {
  const fallback = asLocale(env.TRACKER_LANG) ?? 'ja';
  const args: string[] = [];
  let chosen: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') {
      chosen = argv[i + 1] ?? '';
      i++;
    } else if (arg.startsWith('--lang=')) {
      chosen = arg.slice('--lang='.length);
    } else {
      args.push(arg);
    }
  }
  if (chosen === undefined) return { locale: fallback, args };
  const locale = asLocale(chosen);
  if (!locale) return { locale: fallback, error: chosen };
  return { locale, args };
}
