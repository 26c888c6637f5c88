import type { DigestData } from '../digest/types.js';
import { cleanText } from '../domain/clean-text.js';
import { truncate } from '../domain/mrkdwn.js';
import { type Locale, t } from '../i18n/messages.js';
import { BEHIND_STATUSES, behindOf, chartDepartments, percentLabel } from './digest-chart-option.js';

/** Slack's limit on a file's alt_text (files.uploadV2 / files.completeUploadExternal). */
export const ALT_TEXT_MAX = 2000;
/** How many of the departments furthest behind the alt text names. */
export const ALT_TEXT_DEPARTMENTS = 3;
const NAME_MAX = 60;

/**
 * The chart's alt text: the headline figures a reader takes from the image at a glance (targets off
 * track, at risk or not reported over all targets, and the departments furthest behind with their
 * counts), then what the chart shows. Plain text (alt text is not mrkdwn), names cleaned, within
 * Slack's limit.
 */
export function digestChartAltText(data: DigestData, locale: Locale): string {
  const behind = BEHIND_STATUSES.reduce((n, s) => n + data.totals[s], 0);
  const worst = chartDepartments(data.departments)
    .filter((d) => behindOf(d).behind > 0)
    .slice(0, ALT_TEXT_DEPARTMENTS)
    .map((d) => {
      const { behind: late, total } = behindOf(d);
      const name = truncate(cleanText(locale === 'en' && d.nameEn ? d.nameEn : d.name), NAME_MAX);
      return `${name} (${late}/${total})`;
    });
  const text = t(locale, 'digest.chart.alt', {
    behind,
    total: data.targetCount,
    percent: percentLabel(behind, data.targetCount),
    worst:
      worst.length === 0
        ? t(locale, 'digest.chart.alt_none_behind')
        : t(locale, 'digest.chart.alt_worst', { departments: worst.join(locale === 'ja' ? '、' : ', ') }),
  });
  return truncate(text, ALT_TEXT_MAX);
}
