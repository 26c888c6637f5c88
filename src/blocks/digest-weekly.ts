import type { KnownBlock } from '@slack/web-api';
import { daysBetween } from '../calendar/days.js';
import { attentionScore } from '../digest/metrics.js';
import type { DigestChange, DigestData, DigestDepartment, NextReview } from '../digest/types.js';
import { DIGEST_STATUSES } from '../digest/types.js';
import { truncate } from '../domain/mrkdwn.js';
import { type Locale, t } from '../i18n/messages.js';
import {
  CHANGE_ORDER,
  changeLabel,
  compactCounts,
  DIGEST_EMOJI,
  dayText,
  departmentName,
  fyText,
  percentText,
  signed,
  statusLabel,
  targetCode,
  targetTitle,
} from './digest-format.js';
import { DIGEST_LIMITS, type DigestMessage, packBlocks, sectionsFromLines } from './digest-pack.js';
import { reviewSeasonDepartmentLines, reviewSeasonSummary } from './digest-review-season.js';
import { SLACK_LIMITS } from './limits.js';

export interface WeeklyDigestOptions {
  /** A chart image will be posted in the thread (the first message then points to the thread). */
  chart: boolean;
  /** How many departments the "where to look" list names. */
  attentionLimit?: number;
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
const divider: KnownBlock = { type: 'divider' };

/** One line per department: counts by status, then indicator, overdue and silent figures. */
export function departmentLine(locale: Locale, d: DigestDepartment): string {
  const extras = [
    d.indicatorTargets > 0
      ? t(locale, 'digest.department.indicator', { value: percentText(d.averageAchievement) })
      : null,
    t(locale, 'digest.department.overdue', { count: d.overdueMilestones }),
    t(locale, 'digest.department.silent', { count: d.silentTargets }),
  ].filter((x): x is string => x !== null);
  return t(locale, 'digest.department.line', {
    name: departmentName(locale, d),
    counts: compactCounts(d.counts),
    extras: extras.join(' · '),
  });
}

export function reviewLine(locale: Locale, data: DigestData, review: NextReview | null): string {
  if (!review) return t(locale, 'digest.review.none');
  const params = {
    name: review.name,
    fy: fyText(locale, review.fiscalYear),
    opens: dayText(locale, review.opensOn, data),
    closes: dayText(locale, review.closesOn, data),
  };
  if (review.open) {
    const left = daysBetween(data.today, review.closesOn) + 1;
    return t(locale, 'digest.review.open', { ...params, days: left });
  }
  return t(locale, 'digest.review.upcoming', { ...params, days: review.daysUntil });
}

/** "• `SK-1` title（dept）🟡→🔴" */
function changeLine(locale: Locale, change: DigestChange, departments: Map<number, DigestDepartment>): string {
  const department = departments.get(change.departmentId);
  const where = department ? t(locale, 'digest.change.where', { department: departmentName(locale, department) }) : '';
  return `• ${targetCode(change.code)} ${targetTitle(change.title)}${where} ${DIGEST_EMOJI[change.from]}→${DIGEST_EMOJI[change.to]}`;
}

function headBlocks(locale: Locale, data: DigestData, attentionLimit: number): KnownBlock[] {
  const fy = fyText(locale, data.fiscalYear);
  const totalsLines = DIGEST_STATUSES.map((s) => {
    const delta = data.totals[s] - data.previousTotals[s];
    return `${DIGEST_EMOJI[s]} ${statusLabel(locale, s)} *${data.totals[s]}*${t(locale, 'digest.weekly.delta', { delta: signed(delta) })}`;
  });
  const byKind = new Map(CHANGE_ORDER.map((k) => [k, data.changes.filter((c) => c.kind === k).length]));
  const changeSummary =
    data.changes.length === 0
      ? t(locale, 'digest.weekly.changes_none')
      : `${CHANGE_ORDER.map((k) => t(locale, 'digest.change.count', { label: changeLabel(locale, k), count: byKind.get(k) ?? 0 })).join(locale === 'ja' ? '　' : '   ')}\n${t(locale, 'digest.weekly.changes_details')}`;
  const attention = data.departments
    .map((d, index) => ({ d, index, score: attentionScore(d) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, attentionLimit)
    .map((x) => `• ${departmentLine(locale, x.d)}`);
  return [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(t(locale, 'digest.weekly.header', { fy }), SLACK_LIMITS.headerText) },
    },
    context(
      t(locale, 'digest.weekly.as_of', {
        date: dayText(locale, data.today, data),
        previous: dayText(locale, data.previousDay, data),
      }),
    ),
    section(`${t(locale, 'digest.weekly.totals', { total: data.targetCount })}\n${totalsLines.join('\n')}`),
    section(
      t(locale, 'digest.weekly.signals', {
        overdue: data.overdueMilestones,
        silent: data.silentTargets,
        achievement: percentText(data.averageAchievement),
      }),
    ),
    ...(data.defaultCadenceDays === null
      ? []
      : [context(t(locale, 'digest.weekly.signals_note', { days: data.defaultCadenceDays }))]),
    section(reviewLine(locale, data, data.nextReview)),
    ...(data.reviewSeason
      ? [reviewSeasonSummary(locale, data.reviewSeason, data.reviewSeason.totals, data.reviewSeason.waiting)]
      : []),
    divider,
    section(`${t(locale, 'digest.weekly.changes_title')}\n${changeSummary}`),
    ...sectionsFromLines(
      attention.length > 0 ? attention : [t(locale, 'digest.weekly.attention_none')],
      t(locale, 'digest.weekly.attention_title'),
    ),
  ];
}

function bodyBlocks(locale: Locale, data: DigestData): KnownBlock[] {
  const departments = new Map(data.departments.map((d) => [d.id, d]));
  const blocks: KnownBlock[] = [
    divider,
    ...sectionsFromLines(
      data.departments.map((d) => departmentLine(locale, d)),
      t(locale, 'digest.weekly.departments_title', { count: data.departments.length }),
    ),
    context(t(locale, 'digest.weekly.legend')),
    ...(data.reviewSeason ? [divider, ...reviewSeasonDepartmentLines(locale, data.reviewSeason)] : []),
  ];
  for (const kind of CHANGE_ORDER) {
    const changes = data.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) continue;
    blocks.push(
      ...sectionsFromLines(
        changes.map((c) => changeLine(locale, c, departments)),
        t(locale, 'digest.change.list_title', { label: changeLabel(locale, kind), count: changes.length }),
      ),
    );
  }
  return blocks;
}

/** Short notification text: Slack shows it in notifications; blocks carry the content. */
export function weeklyFallback(locale: Locale, data: DigestData): string {
  return truncate(
    t(locale, 'digest.weekly.fallback', {
      fy: fyText(locale, data.fiscalYear),
      date: dayText(locale, data.today, data),
      ...data.totals,
    }),
    DIGEST_LIMITS.fallbackText,
  );
}

/**
 * The leadership digest as messages: the first is the digest at a glance (posted to the channel),
 * the rest continue in its thread. Every department appears; nothing is cut to fit.
 */
export function buildWeeklyDigest(data: DigestData, locale: Locale, options: WeeklyDigestOptions): DigestMessage[] {
  const pages = packBlocks([...headBlocks(locale, data, options.attentionLimit ?? 5), ...bodyBlocks(locale, data)]);
  const fallback = weeklyFallback(locale, data);
  const title = t(locale, 'digest.weekly.header', { fy: fyText(locale, data.fiscalYear) });
  const threadCount = pages.length - 1 + (options.chart ? 1 : 0);
  return pages.map((blocks, index) => {
    if (index === 0) {
      const hint = threadCount > 0 ? [context(t(locale, 'digest.weekly.thread_hint', { count: threadCount }))] : [];
      return { text: fallback, blocks: [...blocks, ...hint] };
    }
    const continued = t(locale, 'digest.continued', { title, page: index + 1, pages: pages.length });
    return { text: truncate(continued, DIGEST_LIMITS.fallbackText), blocks: [context(continued), ...blocks] };
  });
}
