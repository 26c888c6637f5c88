import type { Button, HomeView, KnownBlock } from '@slack/types';
import { calendarFromDate } from '../calendar/days.js';
import { formatDay } from '../calendar/format.js';
import { calendarDayIn } from '../calendar/time-zone.js';
import { escapeMrkdwn, truncate } from '../domain/mrkdwn.js';
import { STATUS_EMOJI, statusKey } from '../domain/status.js';
import { type Locale, t } from '../i18n/messages.js';
import type { ReviewPhase } from '../review/period.js';
import type { TargetStatus } from '../services/progress/list-target-statuses.js';
import type { DepartmentStatusCounts } from '../services/progress/summarize-department-statuses.js';
import { SLACK_LIMITS } from './limits.js';
import { plain } from './plain.js';
import { REVIEW_LIST_OPEN_ACTION } from './review-list.js';

/** The foundation's listener opens the progress modal on the target in value. */
export const HOME_REPORT_ACTION = 'open_progress';
/** Paging buttons: home_page_mine_next, home_page_org_previous…; value "mine:2" / "org:0". */
export const HOME_PAGE_ACTION = 'home_page';
/** Opens the review list modal. */
export const HOME_REVIEW_ACTION = REVIEW_LIST_OPEN_ACTION;
export const HOME_TARGETS_PAGE_SIZE = 15;
export const HOME_ORG_PAGE_SIZE = 40;
/** Departments per overview section (one line each), well within 3000 characters. */
const ORG_LINES_PER_SECTION = 10;

export interface HomePages {
  mine: number;
  org: number;
}

export interface HomeDepartment {
  id: number;
  name: string;
  nameEn: string | null;
  targets: TargetStatus[];
}

export interface HomeInput {
  locale: Locale;
  fiscalYearLabel: string;
  /** The fiscal year's year, to show dates in it without the year. */
  fiscalYear: number;
  /** Formatted "as of" time in the organisation's zone. */
  asOf: string;
  /** Today in the organisation's zone ('YYYY-MM-DD'). */
  today: string;
  timeZone: string;
  departments: HomeDepartment[];
  /** Last paused day ('YYYY-MM-DD') when reminders are paused now. */
  pausedUntil: string | null;
  /** The yearly review, when one is open (or closed but still being finished). */
  review: { fiscalYearLabel: string; phase: ReviewPhase; closesOn: string | null; pending: number } | null;
  /** Headquarters' overview; null for everyone else. */
  org: DepartmentStatusCounts[] | null;
  pages: HomePages;
}

function departmentName(d: { name: string; nameEn: string | null }, locale: Locale): string {
  return locale === 'en' && d.nameEn ? d.nameEn : d.name;
}

function pageOf(page: number, total: number, size: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  return { page: Math.min(Math.max(0, Math.trunc(page)), pages - 1), pages };
}

function pager(part: keyof HomePages, page: number, pages: number, locale: Locale): KnownBlock | null {
  if (pages <= 1) return null;
  const nav = (label: string, to: number): Button => ({
    type: 'button',
    action_id: `${HOME_PAGE_ACTION}_${part}_${to > page ? 'next' : 'previous'}`,
    text: plain(label, SLACK_LIMITS.buttonText),
    value: `${part}:${to}`,
  });
  const elements: Button[] = [];
  if (page > 0) elements.push(nav(t(locale, 'home.previous'), page - 1));
  if (page < pages - 1) elements.push(nav(t(locale, 'home.next'), page + 1));
  return { type: 'actions', block_id: `home_nav_${part}`, elements };
}

function targetBlock(target: TargetStatus, input: HomeInput): KnownBlock {
  const { locale } = input;
  const status = target.latest ? STATUS_EMOJI[target.latest.status] : '⚪';
  const facts: string[] = [
    target.latest
      ? `${t(locale, statusKey(target.latest.status))} ・ ${t(locale, 'home.target.last_update', {
          date: formatDay(calendarDayIn(target.latest.reportedAt, input.timeZone), locale, input.fiscalYear),
        })}`
      : t(locale, 'home.target.no_update'),
  ];
  if (target.nextMilestone) {
    facts.push(
      t(locale, 'home.target.next_milestone', {
        title: escapeMrkdwn(truncate(target.nextMilestone.title, 60)),
        date: formatDay(calendarFromDate(target.nextMilestone.dueOn), locale, input.fiscalYear),
      }),
    );
  }
  if (target.overdueMilestones.length > 0) {
    facts.push(t(locale, 'home.target.overdue', { count: target.overdueMilestones.length }));
  }
  const text = `${status} *${escapeMrkdwn(target.code)}* ${escapeMrkdwn(truncate(target.title, 150))}\n${facts.join(' ・ ')}`;
  return {
    type: 'section',
    block_id: `home_target_${target.id}`,
    text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) },
    accessory: {
      type: 'button',
      action_id: HOME_REPORT_ACTION,
      value: String(target.id),
      text: plain(t(locale, 'home.report_button'), SLACK_LIMITS.buttonText),
    },
  };
}

function mineBlocks(input: HomeInput, shown: HomePages): KnownBlock[] {
  const { locale } = input;
  if (input.departments.length === 0)
    return [{ type: 'section', text: { type: 'mrkdwn', text: t(locale, 'home.no_department') } }];
  const flat = input.departments.flatMap((d) => d.targets.map((target) => ({ department: d, target })));
  if (flat.length === 0) {
    return [
      { type: 'section', text: { type: 'mrkdwn', text: t(locale, 'home.no_targets', { fy: input.fiscalYearLabel }) } },
    ];
  }
  const { page, pages } = pageOf(input.pages.mine, flat.length, HOME_TARGETS_PAGE_SIZE);
  shown.mine = page;
  const slice = flat.slice(page * HOME_TARGETS_PAGE_SIZE, (page + 1) * HOME_TARGETS_PAGE_SIZE);
  const blocks: KnownBlock[] = [];
  let current: number | null = null;
  for (const { department, target } of slice) {
    if (department.id !== current) {
      const first = department.targets[0]?.id === target.id;
      const label = first
        ? t(locale, 'home.department', {
            department: departmentName(department, locale),
            count: department.targets.length,
          })
        : t(locale, 'home.department_continued', { department: departmentName(department, locale) });
      blocks.push({ type: 'header', text: plain(label, SLACK_LIMITS.headerText) });
      current = department.id;
    }
    blocks.push(targetBlock(target, input));
  }
  blocks.push(
    ...pageFooter(
      'mine',
      { page, pages, pageSize: HOME_TARGETS_PAGE_SIZE, shown: slice.length, total: flat.length },
      locale,
    ),
  );
  return blocks;
}

/** "21–40 of 75" and the previous / next buttons under a paged part; nothing when it has one page. */
function pageFooter(
  part: keyof HomePages,
  at: { page: number; pages: number; pageSize: number; shown: number; total: number },
  locale: Locale,
): KnownBlock[] {
  if (at.pages <= 1) return [];
  const from = at.page * at.pageSize + 1;
  const range = t(locale, 'home.page', { from, to: from + at.shown - 1, total: at.total });
  const nav = pager(part, at.page, at.pages, locale);
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: range }] }, ...(nav ? [nav] : [])];
}

function orgBlocks(org: DepartmentStatusCounts[], input: HomeInput, shown: HomePages): KnownBlock[] {
  const { locale } = input;
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    {
      type: 'header',
      text: plain(t(locale, 'home.org.header', { fy: input.fiscalYearLabel }), SLACK_LIMITS.headerText),
    },
  ];
  if (org.length === 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: t(locale, 'home.org.empty', { fy: input.fiscalYearLabel }) },
    });
    return blocks;
  }
  const sum = (pick: (d: DepartmentStatusCounts) => number) => org.reduce((n, d) => n + pick(d), 0);
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: t(locale, 'home.org.totals', {
          departments: org.length,
          targets: sum((d) => d.total),
          on_track: sum((d) => d.counts.on_track),
          at_risk: sum((d) => d.counts.at_risk),
          off_track: sum((d) => d.counts.off_track),
          done: sum((d) => d.counts.done),
          none: sum((d) => d.counts.none),
          overdue: sum((d) => d.overdue),
        }),
      },
      { type: 'mrkdwn', text: t(locale, 'home.org.legend') },
    ],
  });
  const { page, pages } = pageOf(input.pages.org, org.length, HOME_ORG_PAGE_SIZE);
  shown.org = page;
  const slice = org.slice(page * HOME_ORG_PAGE_SIZE, (page + 1) * HOME_ORG_PAGE_SIZE);
  const lines = slice.map((d) =>
    t(locale, 'home.org.line', {
      department: escapeMrkdwn(truncate(departmentName(d, locale), 60)),
      total: d.total,
      on_track: d.counts.on_track,
      at_risk: d.counts.at_risk,
      off_track: d.counts.off_track,
      done: d.counts.done,
      none: d.counts.none,
      overdue: d.overdue > 0 ? t(locale, 'home.org.overdue', { count: d.overdue }) : '',
    }),
  );
  for (let i = 0; i < lines.length; i += ORG_LINES_PER_SECTION) {
    const text = lines.slice(i, i + ORG_LINES_PER_SECTION).join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) } });
  }
  blocks.push(
    ...pageFooter('org', { page, pages, pageSize: HOME_ORG_PAGE_SIZE, shown: slice.length, total: org.length }, locale),
  );
  return blocks;
}

/** The pages a Home view shows, kept in its private_metadata so one part can page on its own. */
export function parseHomePages(metadata: string | undefined): HomePages {
  try {
    const value = JSON.parse(metadata ?? '') as Partial<HomePages>;
    const ok = (n: unknown) => (Number.isInteger(n) && (n as number) >= 0 ? (n as number) : 0);
    return { mine: ok(value.mine), org: ok(value.org) };
  } catch {
    return { mine: 0, org: 0 };
  }
}

/** Applies a paging button ("mine:2", "org:0") to the current pages; unknown values change nothing. */
export function applyHomePageValue(pages: HomePages, value: string | undefined): HomePages {
  const match = /^(mine|org):(\d{1,6})$/.exec(value ?? '');
  if (!match) return pages;
  return { ...pages, [match[1] as keyof HomePages]: Number(match[2]) };
}

/**
 * The App Home tab: the person's departments and targets (status, last report, next milestone,
 * a Report button), reminders pause help, the yearly review when open, and for headquarters an
 * organisation overview. Both lists are paginated so the view stays within 100 blocks.
 */
export function buildHomeView(input: HomeInput): HomeView {
  const { locale } = input;
  // Headquarters staff outside any department see the overview only: no "your departments" part.
  const overviewOnly = input.org !== null && input.departments.length === 0;
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(t(locale, 'home.header', { fy: input.fiscalYearLabel }), SLACK_LIMITS.headerText) },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: t(locale, overviewOnly ? 'home.intro.overview_only' : 'home.intro') },
        { type: 'mrkdwn', text: t(locale, 'home.updated', { time: input.asOf }) },
      ],
    },
  ];
  const review = input.review;
  if (review && (review.phase === 'open' || review.pending > 0)) {
    const closes = review.closesOn ? formatDay(review.closesOn, locale) : '—';
    const text =
      review.pending > 0
        ? t(locale, 'home.review.pending', { fy: review.fiscalYearLabel, count: review.pending, closes })
        : t(locale, 'home.review.open', { fy: review.fiscalYearLabel, closes });
    blocks.push({
      type: 'section',
      block_id: 'home_review',
      text: { type: 'mrkdwn', text },
      accessory: {
        type: 'button',
        action_id: HOME_REVIEW_ACTION,
        value: 'open',
        text: plain(t(locale, 'home.review.button'), SLACK_LIMITS.buttonText),
        ...(review.pending > 0 ? { style: 'primary' as const } : {}),
      },
    });
  }
  const paused = input.pausedUntil && input.pausedUntil >= input.today;
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: paused
          ? t(locale, 'home.pause.active', { date: formatDay(input.pausedUntil as string, locale) })
          : t(locale, 'home.pause.help'),
      },
    ],
  });
  blocks.push({ type: 'divider' });
  // The pages actually shown (clamped), so the next button press starts from what the person sees.
  const shown: HomePages = { mine: 0, org: 0 };
  // Headquarters staff outside any department just see the overview, not "ask HQ to add you".
  if (!overviewOnly) blocks.push(...mineBlocks(input, shown));
  if (input.org) blocks.push(...orgBlocks(input.org, input, shown));
  return {
    type: 'home',
    private_metadata: JSON.stringify(shown),
    blocks: withoutDoubleDividers(blocks).slice(0, SLACK_LIMITS.viewBlocks),
  };
}

/** The blocks without a divider straight after another divider, or at either end. */
function withoutDoubleDividers(blocks: KnownBlock[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (const block of blocks) {
    if (block.type === 'divider' && (out.length === 0 || out[out.length - 1]?.type === 'divider')) continue;
    out.push(block);
  }
  if (out[out.length - 1]?.type === 'divider') out.pop();
  return out;
}
