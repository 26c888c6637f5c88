import { escapeMrkdwn, truncate } from '../domain/mrkdwn.js';
import { type Locale, t } from '../i18n/messages.js';
import type { TrackerVerb } from './types.js';

/** `/tracker help`: one line per verb; with the unknown name first when one was mistyped. */
export function trackerHelpText(locale: Locale, verbs: Record<string, TrackerVerb>, unknown?: string): string {
  const lines = [
    ...(unknown ? [t(locale, 'tracker.unknown', { name: escapeMrkdwn(truncate(unknown, 40)) })] : []),
    t(locale, 'tracker.help.header'),
    ...Object.values(verbs).map((s) => `• ${t(locale, s.help)}`),
    `• ${t(locale, 'tracker.help.help')}`,
  ];
  return lines.join('\n');
}
