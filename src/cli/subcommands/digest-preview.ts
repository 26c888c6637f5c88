import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDepartmentDigest } from '../../blocks/digest-department.js';
import { digestToPlainText } from '../../blocks/digest-plain-text.js';
import { buildWeeklyDigest } from '../../blocks/digest-weekly.js';
import { renderDigestChart } from '../../chart/render-chart.js';
import { loadOfflineConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { AppError } from '../../errors.js';
import type { Locale } from '../../i18n/messages.js';
import { buildDigestData } from '../../services/digest/build-digest-data.js';
import type { CliIo } from '../io.js';

export const DIGEST_PREVIEW_USAGE =
  'Print the weekly digest as text and write its chart, posting nothing: [--at ISO] [--chart FILE] [--locale ja|en] [--department CODE|all]';

function parseInstant(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) {
    throw new AppError('bad_instant', `--at is not an ISO date-time (e.g. 2026-11-30T00:00:00Z): ${text}`);
  }
  return at;
}

/** `tracker digest preview`: the digest as of --at, as plain text, and its chart as a PNG file. */
export async function runDigestPreview(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      at: { type: 'string' },
      chart: { type: 'string', default: 'digest-chart.png' },
      locale: { type: 'string', default: 'ja' },
      department: { type: 'string' },
    },
  });
  const now = parseInstant(values.at);
  if (values.locale !== 'ja' && values.locale !== 'en') {
    throw new AppError('bad_locale', `--locale must be ja or en: ${values.locale}`);
  }
  const locale: Locale = values.locale;
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
      io.err(`No fiscal year has been imported for ${now.toISOString()} (run \`tracker import FILE\` first).`);
      return 1;
    }
    let chartWritten: string | null = null;
    try {
      const path = resolve(values.chart);
      writeFileSync(path, await renderDigestChart(data, locale));
      chartWritten = path;
    } catch (error) {
      io.err(`The chart could not be rendered (the digest would go out without it): ${(error as Error).message}`);
    }
    const messages = buildWeeklyDigest(data, locale, { chart: chartWritten !== null });
    io.out(`Leadership channel: ${data.leadershipChannel ?? '(none set)'}`);
    io.out(digestToPlainText(messages, 'weekly digest'));
    const wanted = values.department;
    if (wanted) {
      const departments = data.departments.filter((d) => wanted === 'all' || d.code === wanted);
      if (departments.length === 0) {
        io.err(`No department with code ${wanted} has targets in this fiscal year.`);
        return 1;
      }
      for (const d of departments) {
        io.out('');
        io.out(`Department channel: ${d.channelId ?? '(none: not sent)'}`);
        io.out(digestToPlainText(buildDepartmentDigest(data, d.id, locale), `${d.code} digest`));
      }
    }
    if (chartWritten) io.out(`\nChart written to ${chartWritten}`);
    return 0;
  } finally {
    await database.close();
  }
}
