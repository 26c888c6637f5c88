import type { KnownBlock } from '@slack/types';
import { formatDay } from '../calendar/format.js';
import { escapeMrkdwn, mention, truncate } from '../domain/mrkdwn.js';
import { type Locale, t } from '../i18n/messages.js';
import { SLACK_LIMITS } from './limits.js';

export interface EscalationLine {
  code: string;
  title: string;
  ownerId: string;
  departmentId: number;
  departmentName: string;
  departmentNameEn: string | null;
  /** 'YYYY-MM-DD': when the owner was reminded (manager level) or managers were told (HQ level). */
  remindedOn: string;
}

/** Sections a message may use for its lists (intro, footer and a "more" line take the rest). */
const MAX_LIST_SECTIONS = SLACK_LIMITS.messageBlocks - 3;

/**
 * Per department: a bold heading and its lines, packed into sections of at most 3000 characters;
 * lines that do not fit in the block budget are counted in a final "…and N more".
 */
function listSections(
  locale: Locale,
  targets: EscalationLine[],
  heading: (department: string, count: number) => string,
  line: (target: EscalationLine) => string,
): KnownBlock[] {
  const groups = new Map<number, EscalationLine[]>();
  for (const target of targets) groups.set(target.departmentId, [...(groups.get(target.departmentId) ?? []), target]);
  const blocks: KnownBlock[] = [];
  const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
  let omitted = 0;
  for (const group of groups.values()) {
    if (blocks.length >= MAX_LIST_SECTIONS) {
      omitted += group.length;
      continue;
    }
    const first = group[0] as EscalationLine;
    const department = locale === 'en' ? (first.departmentNameEn ?? first.departmentName) : first.departmentName;
    let text = heading(escapeMrkdwn(truncate(department, 100)), group.length);
    let pendingLines = 0;
    for (const [i, target] of group.entries()) {
      const next = truncate(line(target), 500);
      if (text.length + 1 + next.length <= SLACK_LIMITS.sectionText) {
        text = `${text}\n${next}`;
        pendingLines++;
        continue;
      }
      blocks.push(section(text));
      if (blocks.length >= MAX_LIST_SECTIONS) {
        omitted += group.length - i;
        text = '';
        break;
      }
      text = next;
      pendingLines = 1;
    }
    if (text && pendingLines > 0) blocks.push(section(text));
  }
  if (omitted > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: t(locale, 'reminders.escalation.more', { count: omitted }) }],
    });
  }
  return blocks;
}

/** The direct message to a department's managers listing silent targets and their owners (mentioned). */
export function buildManagerEscalation(input: { locale: Locale; businessDays: number; targets: EscalationLine[] }): {
  text: string;
  blocks: KnownBlock[];
} {
  const { locale } = input;
  const refYear = Number(input.targets[0]?.remindedOn.slice(0, 4) ?? 0);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: t(locale, 'reminders.escalation.manager.intro', { days: input.businessDays }) },
    },
    ...listSections(
      locale,
      input.targets,
      (department) => `*${department}*`,
      (target) =>
        t(locale, 'reminders.escalation.manager.line', {
          code: escapeMrkdwn(truncate(target.code, 50)),
          title: escapeMrkdwn(truncate(target.title, 120)),
          owner: mention(target.ownerId),
          date: formatDay(target.remindedOn, locale, refYear),
        }),
    ),
    { type: 'context', elements: [{ type: 'mrkdwn', text: t(locale, 'reminders.escalation.manager.footer') }] },
  ];
  return { text: t(locale, 'reminders.escalation.manager.fallback', { count: input.targets.length }), blocks };
}

/**
 * The headquarters summary (posted in the leadership channel or sent to HQ users). Owners are
 * named in plain text, never @-mentioned: nobody is called out in a shared channel.
 */
export function buildHqSummary(input: {
  locale: Locale;
  businessDays: number;
  targets: EscalationLine[];
  /** Display names by user id; an unknown id is shown as-is (still not a mention). */
  names: Map<string, string>;
}): { text: string; blocks: KnownBlock[] } {
  const { locale } = input;
  const departments = new Set(input.targets.map((t) => t.departmentId)).size;
  const count = input.targets.length;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: t(locale, 'reminders.escalation.hq.intro', { days: input.businessDays, count, departments }),
      },
    },
    ...listSections(
      locale,
      input.targets,
      (department, n) => t(locale, 'reminders.escalation.hq.department', { department, count: n }),
      (target) =>
        t(locale, 'reminders.escalation.hq.line', {
          code: escapeMrkdwn(truncate(target.code, 50)),
          title: escapeMrkdwn(truncate(target.title, 120)),
          owner: escapeMrkdwn(truncate(input.names.get(target.ownerId) ?? target.ownerId, 80)),
        }),
    ),
  ];
  return { text: t(locale, 'reminders.escalation.hq.fallback', { count, departments }), blocks };
}
