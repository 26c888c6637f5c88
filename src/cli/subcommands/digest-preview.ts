import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDepartmentDigest } from '../../blocks/digest-department.js';
import { digestToPlainText } from '../../blocks/digest-plain-text.js';
import { buildWeeklyDigest } from '../../blocks/digest-weekly.js';
import { renderDigestChart } from '../../chart/render-chart.js';
import { loadOfflineConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { t } from '../../i18n/messages.js';
import { buildDigestData } from '../../services/digest/build-digest-data.js';
import type { SubcommandIo } from '../io.js';
import { parseInstant } from '../parse-instant.js';

/**
 * `tracker digest preview`: the digest as of --at, as plain text, and its chart as a PNG file, in
 * the command line's language (--lang); posts nothing.
 */
export async function runDigestPreview(args: string[], io: SubcommandIo): Promise<number> {
  const { locale } = io;
  const { values } = parseArgs({
    args,
    options: {
      at: { type: 'string' },
      chart: { type: 'string', default: 'digest-chart.png' },
      department: { type: 'string' },
    },
  });
  const now = values.at === undefined ? new Date() : parseInstant(values.at);
  if (!now) {
    io.err(`tracker digest preview: ${t(locale, 'cli.error.bad_instant', { value: JSON.stringify(values.at) })}`);
    return 2;
  }
  // Read-only: no migrations, so a preview also works next to a running bot (the migration
  // engine cannot lock an SQLite file another process has open).
  const config = loadOfflineConfig(io.env);
  const database = await openDatabase(config.databaseUrl);
  try {
    const data = await buildDigestData(database.db, {
      now,
      timeZone: config.timeZone,
      defaultCadence: config.reminders.defaultCadence,
    });
    if (!data) {
      io.err(t(locale, 'cli.digest.no_fiscal_year', { at: now.toISOString() }));
      return 1;
    }
    let chartWritten: string | null = null;
    try {
      const path = resolve(values.chart);
      writeFileSync(path, await renderDigestChart(data, locale));
      chartWritten = path;
    } catch (error) {
      io.err(t(locale, 'cli.digest.chart_failed', { reason: (error as Error).message }));
    }
    const messages = buildWeeklyDigest(data, locale, { chart: chartWritten !== null });
    const none = t(locale, 'cli.digest.no_channel');
    io.out(t(locale, 'cli.digest.leadership_channel', { channel: data.leadershipChannel ?? none }));
    io.out(digestToPlainText(messages, t(locale, 'cli.digest.weekly')));
    const wanted = values.department;
    if (wanted) {
      const departments = data.departments.filter((d) => wanted === 'all' || d.code === wanted);
      if (departments.length === 0) {
        io.err(t(locale, 'cli.digest.no_department', { code: wanted }));
        return 1;
      }
      for (const d of departments) {
        io.out('');
        io.out(t(locale, 'cli.digest.department_channel', { channel: d.channelId ?? none }));
        io.out(
          digestToPlainText(
            buildDepartmentDigest(data, d.id, locale),
            t(locale, 'cli.digest.department', { code: d.code }),
          ),
        );
      }
    }
    if (chartWritten) io.out(`\n${t(locale, 'cli.digest.chart_written', { path: chartWritten })}`);
    return 0;
  } finally {
    await database.close();
  }
}
