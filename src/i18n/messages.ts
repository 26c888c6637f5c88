// --- feature catalogues: one import per file ---
import { cli } from './cli.js';
import { core } from './core.js';
import { digest } from './digest.js';
import { home } from './home.js';
import { importMessages } from './import.js';
import { reminders } from './reminders.js';
import { review } from './review.js';

/** Every catalogue, merged. A feature adds its own file with { key: { ja, en } } and spreads it here. */
const catalog = {
  ...core,
  // --- feature catalogues: one spread per file ---
  ...home,
  ...review,
  ...digest,
  ...reminders,
  ...cli,
  ...importMessages,
} as const;

export type MessageKey = keyof typeof catalog;
export type Locale = 'ja' | 'en';

/** Japanese by default; English when the Slack locale is English (en-US, en-GB…). */
export function localeFromSlack(slackLocale: string | null | undefined): Locale {
  return slackLocale?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

/** Looks up a message and fills {placeholders}; unknown placeholders stay visible to show the bug. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text: string = catalog[key][locale];
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** True when key names a message (for keys built at run time, such as categories). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(catalog, key);
}
