import { fiscalYearAt } from '../calendar/fiscal-year.js';
import { escapeMrkdwn, mention, truncate } from '../domain/mrkdwn.js';
import { AppError } from '../errors.js';
import { type Locale, t } from '../i18n/messages.js';
import { type ReassignDepartment, reassignTarget } from '../services/organization/reassign-target.js';
import type { TrackerVerb } from './types.js';

/**
 * A user id from command text: `<@U123|name>` or `<@U123>` (Slack escapes mentions so when the
 * manifest sets should_escape) or a raw `U123`; null for anything else (a plain "@name").
 */
export function parseUserArgument(text: string | undefined): string | null {
  if (!text) return null;
  const escaped = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(text.trim());
  if (escaped) return escaped[1] as string;
  return /^[UW][A-Z0-9]+$/.test(text.trim()) ? text.trim() : null;
}

function departmentName(d: ReassignDepartment, locale: Locale): string {
  return escapeMrkdwn(locale === 'en' ? (d.nameEn ?? d.name) : d.name);
}

/** `/tracker reassign SK-1 @user`: a department manager or HQ hands a target to another owner. */
export const reassignVerb: TrackerVerb = {
  help: 'tracker.help.reassign',
  async run({ ctx, userId, locale, args }) {
    const [code, who] = args;
    if (!code || !who) throw new AppError('reassign_usage', 'reassign without code or user', 'tracker.reassign.usage');
    const newOwnerId = parseUserArgument(who);
    if (!newOwnerId) throw new AppError('reassign_bad_user', `not a user mention: ${who}`, 'tracker.reassign.bad_user');
    const now = ctx.now();
    const result = await reassignTarget(ctx.db, {
      actorId: userId,
      code,
      newOwnerId,
      fiscalYear: fiscalYearAt(now, ctx.config.timeZone),
      hqUsers: ctx.config.hqUsers,
      now,
    });
    const shownCode = escapeMrkdwn(truncate(code, 50));
    if (!result.ok) {
      if (result.reason === 'unknown_target') {
        throw new AppError('unknown_target', `no target ${code}`, 'tracker.reassign.unknown_target', {
          code: shownCode,
        });
      }
      const department = departmentName(result.department, locale);
      const params = { department, code: escapeMrkdwn(result.code), user: mention(newOwnerId) };
      const key =
        result.reason === 'not_allowed'
          ? 'tracker.reassign.not_allowed'
          : result.reason === 'not_member'
            ? 'tracker.reassign.not_member'
            : 'tracker.reassign.same_owner';
      throw new AppError(result.reason, `reassign ${code} by ${userId} refused: ${result.reason}`, key, params);
    }
    ctx.logger.event('info', 'target reassigned', { code: result.code, by: userId, from: result.from, to: result.to });
    return t(locale, 'tracker.reassign.done', {
      code: escapeMrkdwn(result.code),
      title: escapeMrkdwn(truncate(result.title, 150)),
      from: result.from ? mention(result.from) : t(locale, 'tracker.reassign.nobody'),
      to: mention(result.to),
    });
  },
};
