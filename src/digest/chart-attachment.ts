import { formatDay } from '../calendar/format.js';
import { digestChartAltText } from '../chart/digest-chart-alt-text.js';
import { type Locale, t } from '../i18n/messages.js';
import type { AppLogger } from '../logger.js';
import type { DigestChart } from './post-digest.js';
import type { DigestData } from './types.js';

export type ChartRenderer = (data: DigestData, locale: Locale) => Promise<Buffer> | Buffer;

/**
 * The digest's chart ready to upload, or null when rendering failed: the failure is logged and
 * the digest goes out without the image rather than not at all.
 */
export async function chartAttachment(
  logger: AppLogger,
  data: DigestData,
  locale: Locale,
  render: ChartRenderer,
  key: string,
): Promise<DigestChart | null> {
  try {
    const png = await render(data, locale);
    return {
      png,
      filename: `digest-${data.today}.png`,
      comment: t(locale, 'digest.chart.comment', { date: formatDay(data.today, locale) }),
      altText: digestChartAltText(data, locale),
    };
  } catch (error) {
    logger.event('error', 'digest chart rendering failed; sending the digest without it', { key, error });
    return null;
  }
}
