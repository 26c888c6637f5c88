import type { KnownBlock } from '@slack/web-api';
import { calendarDayIn } from '../calendar/time-zone.js';
import type { DigestData, DigestDepartment, DigestTarget } from '../digest/types.js';
import { DIGEST_STATUSES } from '../digest/types.js';
import { escapeMrkdwn, truncate } from '../domain/mrkdwn.js';
import { type Locale, t } from '../i18n/messages.js';
import {
  CHANGE_ORDER,
  changeLabel,
  DIGEST_EMOJI,
  dayText,
  fyText,
  percentText,
  signed,
  statusLabel,
  targetCode,
  targetTitle,
} from './digest-format.js';
import { DIGEST_LIMITS, type DigestMessage, packBlocks, sectionsFromLines } from './digest-pack.js';
import { reviewSeasonSummary } from './digest-review-season.js';
import { reviewLine } from './digest-weekly.js';
import { SLACK_LIMITS } from './limits.js';

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

// Grouped once per digest, not once per department: 800 departments × 24,000 targets adds up.
const byDepartment = new WeakMap<readonly DigestTarget[], Map<number, DigestTarget[]>>();

function targetsOf(data: DigestData, departmentId: number): DigestTarget[] {
  let groups = byDepartment.get(data.targets);
  if (!groups) {
    groups = new Map();
    for (const x of data.targets) {
      const list = groups.get(x.departmentId);
      if (list) list.push(x);
      else groups.set(x.departmentId, [x]);
    }
    byDepartment.set(data.targets, groups);
  }
  return groups.get(departmentId) ?? [];
}

function targetLine(target: DigestTarget): string {
  return `${DIGEST_EMOJI[target.status]} ${targetCode(target.code)} ${targetTitle(target.title)}`;
}

/** Short notification text for a department channel. */
export function departmentFallback(locale: Locale, data: DigestData, department: DigestDepartment): string {
  return truncate(
    t(locale, 'digest.department.fallback', {
      // The fallback is mrkdwn too: an imported name must not be able to ping the channel.
      department: escapeMrkdwn(locale === 'en' && department.nameEn ? department.nameEn : department.name),
      date: dayText(locale, data.today, data),
      ...department.counts,
    }),
    DIGEST_LIMITS.fallbackText,
  );
}

/**
 * A department channel's weekly digest: its counts and what needs doing (targets off track or
 * at risk, changes this week, overdue milestones, silent targets), continued in the thread if long.
 */
export function buildDepartmentDigest(data: DigestData, departmentId: number, locale: Locale): DigestMessage[] {
  const department = data.departments.find((d) => d.id === departmentId);
  if (!department) return [];
  const targets = targetsOf(data, departmentId);
  const name = locale === 'en' && department.nameEn ? department.nameEn : department.name;
  const previous: Record<string, number> = {};
  for (const x of targets) previous[x.previousStatus] = (previous[x.previousStatus] ?? 0) + 1;
  const countLines = DIGEST_STATUSES.map((s) => {
    const delta = department.counts[s] - (previous[s] ?? 0);
    return `${DIGEST_EMOJI[s]} ${statusLabel(locale, s)} *${department.counts[s]}*${t(locale, 'digest.weekly.delta', { delta: signed(delta) })}`;
  });
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(t(locale, 'digest.department.header', { department: name }), SLACK_LIMITS.headerText),
      },
    },
    context(
      t(locale, 'digest.weekly.as_of', {
        date: dayText(locale, data.today, data),
        previous: dayText(locale, data.previousDay, data),
      }),
    ),
    section(
      `${t(locale, 'digest.department.summary', { fy: fyText(locale, data.fiscalYear), total: department.targetCount })}\n${countLines.join('\n')}`,
    ),
    section(
      t(locale, 'digest.weekly.signals', {
        overdue: department.overdueMilestones,
        silent: department.silentTargets,
        achievement: percentText(department.averageAchievement),
      }),
    ),
    section(reviewLine(locale, data, data.nextReview)),
  ];
  const review = data.reviewSeason?.departments.find((d) => d.id === departmentId);
  if (data.reviewSeason && review) blocks.push(reviewSeasonSummary(locale, data.reviewSeason, review, review.waiting));
  blocks.push({ type: 'divider' });

  const attention = targets
    .filter((x) => x.status === 'off_track' || x.status === 'at_risk')
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'off_track' ? -1 : 1));
  if (attention.length > 0) {
    blocks.push(...sectionsFromLines(attention.map(targetLine), t(locale, 'digest.department.attention_title')));
  }
  const changes = data.changes.filter((c) => c.departmentId === departmentId);
  for (const kind of CHANGE_ORDER) {
    const list = changes.filter((c) => c.kind === kind);
    if (list.length === 0) continue;
    blocks.push(
      ...sectionsFromLines(
        list.map(
          (c) => `• ${targetCode(c.code)} ${targetTitle(c.title)} ${DIGEST_EMOJI[c.from]}→${DIGEST_EMOJI[c.to]}`,
        ),
        t(locale, 'digest.change.list_title', { label: changeLabel(locale, kind), count: list.length }),
      ),
    );
  }
  const overdue = targets.flatMap((x) => x.overdueMilestones.map((m) => ({ target: x, milestone: m })));
  if (overdue.length > 0) {
    blocks.push(
      ...sectionsFromLines(
        overdue.map(
          ({ target, milestone }) =>
            `• ${t(locale, 'digest.department.overdue_line', {
              code: targetCode(target.code),
              milestone: escapeMrkdwn(truncate(milestone.title, 60)),
              due: dayText(locale, milestone.dueOn, data),
            })}`,
        ),
        t(locale, 'digest.department.overdue_title', { count: overdue.length }),
      ),
    );
  }
  const silent = targets.filter((x) => x.silent);
  if (silent.length > 0) {
    blocks.push(
      ...sectionsFromLines(
        silent.map((x) =>
          x.lastReportedAt
            ? `• ${t(locale, 'digest.department.silent_line', {
                code: targetCode(x.code),
                title: targetTitle(x.title),
                date: dayText(locale, calendarDayIn(x.lastReportedAt, data.timeZone), data),
              })}`
            : `• ${t(locale, 'digest.department.silent_never', { code: targetCode(x.code), title: targetTitle(x.title) })}`,
        ),
        t(locale, 'digest.department.silent_title', { days: department.cadenceDays ?? '—', count: silent.length }),
      ),
    );
  }
  if (attention.length === 0 && changes.length === 0 && overdue.length === 0 && silent.length === 0) {
    blocks.push(section(t(locale, 'digest.department.all_clear')));
  }
  blocks.push(context(t(locale, 'digest.department.report_hint')));

  const pages = packBlocks(blocks);
  const title = t(locale, 'digest.department.header', { department: name });
  return pages.map((page, index) => {
    if (index === 0) return { text: departmentFallback(locale, data, department), blocks: page };
    const continued = escapeMrkdwn(t(locale, 'digest.continued', { title, page: index + 1, pages: pages.length }));
    return { text: truncate(continued, DIGEST_LIMITS.fallbackText), blocks: [context(continued), ...page] };
  });
}
