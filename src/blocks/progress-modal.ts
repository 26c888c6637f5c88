import type { KnownBlock, ModalView, Option, PlainTextOption } from '@slack/types';
import { calendarFromDate } from '../calendar/days.js';
import { formatDay } from '../calendar/format.js';
import { STATUS_EMOJI, STATUSES, type Status, statusKey } from '../domain/status.js';
import { type Locale, t } from '../i18n/messages.js';
import { SLACK_LIMITS } from './limits.js';
import { plain } from './plain.js';

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
}

export interface ModalSelectedTarget extends ModalTargetOption {
  indicatorUnit: string | null;
  indicatorTarget: number | null;
  openMilestones: { id: number; title: string; dueOn: Date }[];
}

/** What the modal carries between Slack and us. The server re-validates all of it on submit. */
export interface ProgressModalMetadata {
  v: 1;
  /** The target whose milestones the modal shows, or null. */
  targetId: number | null;
}

export interface ProgressModalInput {
  locale: Locale;
  /** Options for a static select; ignored when useExternalSelect. */
  targets: ModalTargetOption[];
  /** More than Slack's 100 options: the select loads options from us as the user types. */
  useExternalSelect: boolean;
  selected: ModalSelectedTarget | null;
  initialStatus?: Status;
  /** The fiscal year whose targets are offered (令和8年度 / FY2026), shown above the form. */
  fiscalYearLabel?: string;
}

/** The text of a target option: "SK-1 区公式LINEの開設", cut to Slack's 75 characters. */
export function targetOption(target: ModalTargetOption): PlainTextOption {
  return { text: plain(`${target.code} ${target.title}`, SLACK_LIMITS.optionText), value: String(target.id) };
}

/** Targets grouped by department for a static select, within Slack's 100 options. */
export function groupTargetOptions(
  targets: ModalTargetOption[],
): { label: ReturnType<typeof plain>; options: PlainTextOption[] }[] {
  const groups = new Map<string, PlainTextOption[]>();
  for (const target of targets.slice(0, SLACK_LIMITS.selectOptions)) {
    const list = groups.get(target.departmentName) ?? [];
    list.push(targetOption(target));
    groups.set(target.departmentName, list);
  }
  return [...groups].map(([name, options]) => ({ label: plain(name, SLACK_LIMITS.optionText), options }));
}

function milestoneOption(m: { id: number; title: string; dueOn: Date }, locale: Locale): Option {
  const due = formatDay(calendarFromDate(m.dueOn), locale);
  return { text: plain(`${m.title}（${due}）`, SLACK_LIMITS.optionText), value: String(m.id) };
}

function milestonesBlock(input: ProgressModalInput): KnownBlock {
  const { locale, selected } = input;
  if (!selected || selected.openMilestones.length === 0) {
    return {
      type: 'context',
      block_id: 'milestones_none',
      elements: [{ type: 'mrkdwn', text: t(locale, 'progress.field.milestones.none') }],
    };
  }
  const options = selected.openMilestones.slice(0, SLACK_LIMITS.selectOptions).map((m) => milestoneOption(m, locale));
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

/** The /progress modal: target, status, value, percent, comment, milestones. */
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
        option_groups: groupTargetOptions(input.targets),
        ...(initial ? { initial_option: initial } : {}),
      };
  const statusOptions: PlainTextOption[] = STATUSES.map((s) => ({
    text: plain(`${STATUS_EMOJI[s]} ${t(locale, statusKey(s))}`, SLACK_LIMITS.optionText),
    value: s,
  }));
  const unit = selected?.indicatorUnit ? `（${selected.indicatorUnit}）` : '';
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
    {
      type: 'input',
      block_id: PROGRESS_BLOCKS.value,
      optional: true,
      label: plain(`${t(locale, 'progress.field.value')}${unit}`, 2000),
      hint: plain(t(locale, 'progress.field.value.hint'), 2000),
      element: { type: 'plain_text_input', action_id: 'value', max_length: NUMBER_INPUT_MAX },
    },
    {
      type: 'input',
      block_id: PROGRESS_BLOCKS.percent,
      optional: true,
      label: plain(t(locale, 'progress.field.percent'), 2000),
      hint: plain(t(locale, 'progress.field.percent.hint'), 2000),
      element: { type: 'plain_text_input', action_id: 'percent', max_length: NUMBER_INPUT_MAX },
    },
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
