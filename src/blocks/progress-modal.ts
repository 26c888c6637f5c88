import type { KnownBlock, ModalView, Option, PlainTextOption } from '@slack/types';
import { calendarFromDate, dateFromCalendar } from '../calendar/days.js';
import { formatDay } from '../calendar/format.js';
import { isOverdue } from '../calendar/overdue.js';
import { achievementPercent, roundPercent } from '../domain/achievement.js';
import { cleanText } from '../domain/clean-text.js';
import { escapeMrkdwn, mention, truncate } from '../domain/mrkdwn.js';
import { STATUS_EMOJI, STATUSES, type Status, statusKey } from '../domain/status.js';
import { type Locale, t } from '../i18n/messages.js';
import { SLACK_LIMITS } from './limits.js';
import { plain } from './plain.js';
import { formatNumber } from './targets-message.js';

export const PROGRESS_CALLBACK_ID = 'progress_submit';
export const PROGRESS_TARGET_ACTION = 'progress_target';
export const PROGRESS_BLOCKS = {
  target: 'target',
  status: 'status',
  value: 'value',
  percent: 'percent',
  comment: 'comment',
  /** Suffixed with the target id so that a change of target drops stale milestone choices. */
  milestonesPrefix: 'milestones_',
} as const;
export const COMMENT_MAX = 2000;
export const NUMBER_INPUT_MAX = 32;

export interface ModalTargetOption {
  id: number;
  code: string;
  title: string;
  departmentName: string;
  /** The reporter owns the target (担当): listed first and marked ★. */
  own?: boolean;
}

/** The target's latest report, shown above the fields. */
export interface ModalPreviousReport {
  status: Status;
  value: number | null;
  percent: number | null;
  comment: string | null;
  /** The organisation's calendar day of the report, 'YYYY-MM-DD'. */
  reportedOn: string;
  reporterId: string;
}

export interface ModalSelectedTarget extends ModalTargetOption {
  indicatorKind: string | null;
  indicatorUnit: string | null;
  indicatorBaseline: number | null;
  indicatorTarget: number | null;
  openMilestones: { id: number; title: string; dueOn: Date }[];
  previous: ModalPreviousReport | null;
}

/** What the modal carries between Slack and us. The server re-validates all of it on submit. */
export interface ProgressModalMetadata {
  v: 1;
  /** The target whose fields (value or percentage, milestones) the modal shows, or null. */
  targetId: number | null;
}

export interface ProgressModalInput {
  locale: Locale;
  /** Options for a static select; ignored when useExternalSelect. */
  targets: ModalTargetOption[];
  /** More than Slack's 100 options: the select loads options from us as the user types. */
  useExternalSelect: boolean;
  selected: ModalSelectedTarget | null;
  /** The organisation's calendar day, 'YYYY-MM-DD': what is overdue, and which year goes unsaid. */
  today: string;
  initialStatus?: Status;
  /** The fiscal year whose targets are offered (令和8年度 / FY2026), shown above the form. */
  fiscalYearLabel?: string;
}

/** How much of the previous report's comment the modal quotes (before escaping). */
export const PREVIOUS_COMMENT_MAX = 400;
const OWN_MARK = '★ ';

/** The text of a target option: "SK-1 区公式LINEの開設" (★ first when the reporter owns it), cut to Slack's 75 characters. */
export function targetOption(target: ModalTargetOption): PlainTextOption {
  const mark = target.own ? OWN_MARK : '';
  return { text: plain(`${mark}${target.code} ${target.title}`, SLACK_LIMITS.optionText), value: String(target.id) };
}

/**
 * Targets for the select within Slack's 100 options: first a group of those the reporter owns,
 * then the others grouped by department.
 */
export function groupTargetOptions(
  targets: ModalTargetOption[],
  locale: Locale,
): { label: ReturnType<typeof plain>; options: PlainTextOption[] }[] {
  const shown = targets.slice(0, SLACK_LIMITS.selectOptions);
  const own = shown.filter((target) => target.own).map(targetOption);
  const groups = new Map<string, PlainTextOption[]>();
  for (const target of shown) {
    if (target.own) continue;
    const list = groups.get(target.departmentName) ?? [];
    list.push(targetOption(target));
    groups.set(target.departmentName, list);
  }
  return [
    ...(own.length > 0
      ? [{ label: plain(t(locale, 'progress.field.target.own_group'), SLACK_LIMITS.optionText), options: own }]
      : []),
    ...[...groups].map(([name, options]) => ({ label: plain(name, SLACK_LIMITS.optionText), options })),
  ];
}

/** Which number the modal asks for: the indicator's value in its unit, or a percentage without one. */
export function valueFieldOf(target: ModalSelectedTarget): 'value' | 'percent' {
  const { indicatorKind, indicatorUnit, indicatorBaseline, indicatorTarget } = target;
  return indicatorKind !== null || indicatorUnit !== null || indicatorBaseline !== null || indicatorTarget !== null
    ? 'value'
    : 'percent';
}

const yearOf = (day: string) => Number(day.slice(0, 4));

/** "要件定義（9月30日）", with the year when it is not this year, and ⚠️ 期限超過 when overdue. */
function milestoneOption(m: { id: number; title: string; dueOn: Date }, input: ProgressModalInput): Option {
  const { locale, today } = input;
  const key = isOverdue(m.dueOn, dateFromCalendar(today)) ? 'progress.milestone.overdue' : 'progress.milestone.option';
  const date = formatDay(calendarFromDate(m.dueOn), locale, yearOf(today));
  // The title gives way, so that the date and the overdue mark always fit in the option.
  const room = SLACK_LIMITS.optionText - Array.from(t(locale, key, { title: '', date })).length;
  const title = truncate(cleanText(m.title), Math.max(1, room));
  return { text: plain(t(locale, key, { title, date }), SLACK_LIMITS.optionText), value: String(m.id) };
}

function milestonesBlock(input: ProgressModalInput): KnownBlock {
  const { locale, selected } = input;
  if (!selected || selected.openMilestones.length === 0) {
    return {
      type: 'context',
      block_id: 'milestones_none',
      elements: [
        {
          type: 'mrkdwn',
          text: t(locale, selected ? 'progress.field.milestones.all_done' : 'progress.field.milestones.none'),
        },
      ],
    };
  }
  const options = selected.openMilestones.slice(0, SLACK_LIMITS.selectOptions).map((m) => milestoneOption(m, input));
  const element =
    options.length <= SLACK_LIMITS.checkboxOptions
      ? { type: 'checkboxes' as const, action_id: 'milestones', options }
      : { type: 'multi_static_select' as const, action_id: 'milestones', options: options as PlainTextOption[] };
  return {
    type: 'input',
    block_id: `${PROGRESS_BLOCKS.milestonesPrefix}${selected.id}`,
    optional: true,
    label: plain(t(locale, 'progress.field.milestones'), 2000),
    element,
  };
}

/** The previous report: status, value in its unit (with the achievement rule's %), date, reporter, comment. */
function previousBlock(selected: ModalSelectedTarget, input: ProgressModalInput): KnownBlock {
  const { locale } = input;
  const previous = selected.previous;
  if (!previous) {
    return {
      type: 'context',
      block_id: 'previous',
      elements: [{ type: 'mrkdwn', text: t(locale, 'progress.previous.none') }],
    };
  }
  const unit = selected.indicatorUnit ? escapeMrkdwn(selected.indicatorUnit) : '';
  const facts = [`${STATUS_EMOJI[previous.status]} ${t(locale, statusKey(previous.status))}`];
  if (previous.value !== null) {
    const achievement = achievementPercent({
      baseline: selected.indicatorBaseline,
      target: selected.indicatorTarget,
      actual: previous.value,
    });
    facts.push(
      t(locale, 'progress.previous.value', { value: formatNumber(previous.value, locale), unit }) +
        (achievement === null
          ? ''
          : t(locale, 'progress.previous.achievement', { percent: formatNumber(roundPercent(achievement), locale) })),
    );
  }
  if (previous.percent !== null) {
    facts.push(t(locale, 'targets.percent', { percent: formatNumber(previous.percent, locale) }));
  }
  const lines = [
    t(locale, 'progress.previous.header', {
      date: formatDay(previous.reportedOn, locale, yearOf(input.today)),
      reporter: mention(previous.reporterId),
    }),
    facts.join(' ・ '),
  ];
  if (previous.comment) {
    const quoted = escapeMrkdwn(truncate(previous.comment, PREVIOUS_COMMENT_MAX))
      .split('\n')
      .map((line) => `> ${line}`);
    lines.push(...quoted);
  }
  return {
    type: 'section',
    block_id: 'previous',
    text: { type: 'mrkdwn', text: truncate(lines.join('\n'), SLACK_LIMITS.sectionText) },
  };
}

/** The one number field that fits the target: its indicator's value in the unit, or a percentage. */
function numberBlock(selected: ModalSelectedTarget, locale: Locale): KnownBlock {
  if (valueFieldOf(selected) === 'percent') {
    return {
      type: 'input',
      block_id: PROGRESS_BLOCKS.percent,
      optional: true,
      label: plain(t(locale, 'progress.field.percent'), 2000),
      hint: plain(t(locale, 'progress.field.percent.hint'), 2000),
      element: { type: 'plain_text_input', action_id: 'percent', max_length: NUMBER_INPUT_MAX },
    };
  }
  const { indicatorUnit, indicatorBaseline, indicatorTarget } = selected;
  const unit = indicatorUnit ?? '';
  const number = (n: number) => formatNumber(n, locale);
  const hint =
    indicatorBaseline !== null && indicatorTarget !== null
      ? t(locale, 'progress.field.value.range', {
          baseline: number(indicatorBaseline),
          target: number(indicatorTarget),
          unit,
        })
      : indicatorTarget !== null
        ? t(locale, 'progress.field.value.target', { target: number(indicatorTarget), unit })
        : t(locale, 'progress.field.value.hint');
  return {
    type: 'input',
    block_id: PROGRESS_BLOCKS.value,
    optional: true,
    label: plain(
      indicatorUnit
        ? t(locale, 'progress.field.value.unit', { unit: indicatorUnit })
        : t(locale, 'progress.field.value'),
      2000,
    ),
    hint: plain(hint, 2000),
    element: { type: 'plain_text_input', action_id: 'value', max_length: NUMBER_INPUT_MAX },
  };
}

/**
 * The /progress modal: target, its previous report, status, the one number field that fits the
 * target (value or percentage), comment, milestones.
 */
export function buildProgressModal(input: ProgressModalInput): ModalView {
  const { locale, selected } = input;
  const initial = selected ? targetOption(selected) : undefined;
  const targetElement = input.useExternalSelect
    ? {
        type: 'external_select' as const,
        action_id: PROGRESS_TARGET_ACTION,
        min_query_length: 0,
        placeholder: plain(t(locale, 'progress.field.target.search'), 150),
        ...(initial ? { initial_option: initial } : {}),
      }
    : {
        type: 'static_select' as const,
        action_id: PROGRESS_TARGET_ACTION,
        placeholder: plain(t(locale, 'progress.field.target.placeholder'), 150),
        option_groups: groupTargetOptions(input.targets, locale),
        ...(initial ? { initial_option: initial } : {}),
      };
  const statusOptions: PlainTextOption[] = STATUSES.map((s) => ({
    text: plain(`${STATUS_EMOJI[s]} ${t(locale, statusKey(s))}`, SLACK_LIMITS.optionText),
    value: s,
  }));
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      elements: [
        ...(input.fiscalYearLabel
          ? [{ type: 'mrkdwn' as const, text: t(locale, 'progress.modal.year', { fy: input.fiscalYearLabel }) }]
          : []),
        { type: 'mrkdwn', text: t(locale, 'progress.modal.intro') },
      ],
    },
    {
      type: 'input',
      block_id: PROGRESS_BLOCKS.target,
      dispatch_action: true,
      label: plain(t(locale, 'progress.field.target'), 2000),
      element: targetElement,
    },
    ...(selected ? [previousBlock(selected, input)] : []),
    {
      type: 'input',
      block_id: PROGRESS_BLOCKS.status,
      label: plain(t(locale, 'progress.field.status'), 2000),
      element: {
        type: 'static_select',
        action_id: 'status',
        options: statusOptions,
        ...(input.initialStatus ? { initial_option: statusOptions[STATUSES.indexOf(input.initialStatus)] } : {}),
      },
    },
    ...(selected ? [numberBlock(selected, locale)] : []),
    {
      type: 'input',
      block_id: PROGRESS_BLOCKS.comment,
      optional: true,
      label: plain(t(locale, 'progress.field.comment'), 2000),
      element: {
        type: 'plain_text_input',
        action_id: 'comment',
        multiline: true,
        max_length: COMMENT_MAX,
        placeholder: plain(t(locale, 'progress.field.comment.placeholder'), 150),
      },
    },
    milestonesBlock(input),
  ];
  const metadata: ProgressModalMetadata = { v: 1, targetId: selected?.id ?? null };
  return {
    type: 'modal',
    callback_id: PROGRESS_CALLBACK_ID,
    title: plain(t(locale, 'progress.modal.title'), SLACK_LIMITS.modalTitle),
    submit: plain(t(locale, 'progress.modal.submit'), SLACK_LIMITS.modalButton),
    close: plain(t(locale, 'progress.modal.close'), SLACK_LIMITS.modalButton),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}
