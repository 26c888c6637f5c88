import type { WebClient } from '@slack/web-api';
import { AppError } from '../errors.js';

/** The workspace (or enterprise), app and bot this bot runs as, learnt from Slack at start. */
export interface Installation {
  teamId?: string;
  enterpriseId?: string;
  /** Installed for a whole Enterprise Grid organisation: requests come from any of its workspaces. */
  enterpriseInstall: boolean;
  appId: string;
  botId: string;
  botUserId: string;
}

/** A failed Web API call in a few words: Slack's error code, or the network error and its cause. */
function describeFailure(error: unknown): string {
  const e = error as { data?: { error?: string }; original?: { message?: string; cause?: unknown }; message?: string };
  if (e?.data?.error) return `Slack answered "${e.data.error}"`;
  const cause = e?.original?.cause as { code?: string; message?: string } | undefined;
  const causeText = cause?.code ?? cause?.message;
  const message = e?.original?.message ?? e?.message ?? String(error);
  return causeText ? `${message} (${causeText})` : message;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * Asks Slack who the bot token belongs to (`auth.test`: team, enterprise, bot) and which app the
 * bot is (`bots.info`: app id). A failure names the API URL and Slack's error, so that a start
 * against an unreachable Slack, a revoked token or a wrong SLACK_API_URL stops with the reason.
 */
export async function fetchInstallation(client: WebClient, apiUrl: string): Promise<Installation> {
  const fail = (method: string, error: unknown): never => {
    throw new AppError(
      'slack_start_failed',
      `${method} at ${apiUrl} failed: ${describeFailure(error)}. Check SLACK_BOT_TOKEN, SLACK_API_URL and the proxy settings (HTTPS_PROXY, NO_PROXY).`,
    );
  };
  const auth = await client.auth.test().catch((error: unknown) => fail('auth.test', error));
  const botId = text(auth.bot_id);
  const botUserId = text(auth.user_id);
  if (!botId || !botUserId) {
    return fail('auth.test', new Error('the token is not a bot token (no bot_id in the answer)'));
  }
  const bot = await client.bots.info({ bot: botId }).catch((error: unknown) => fail('bots.info', error));
  const appId = text(bot.bot?.app_id);
  if (!appId) return fail('bots.info', new Error(`no app_id for bot ${botId}`));
  return {
    teamId: text(auth.team_id),
    enterpriseId: text(auth.enterprise_id),
    enterpriseInstall: auth.is_enterprise_install === true,
    appId,
    botId,
    botUserId,
  };
}

/** The team, enterprise and app a request names (slash commands, interactions and events spell them differently). */
function requestIdentity(body: Record<string, unknown>) {
  const nested = (key: string, field: string) => {
    const value = body[key];
    return value && typeof value === 'object' ? text((value as Record<string, unknown>)[field]) : undefined;
  };
  return {
    // Slash commands and events: team_id, enterprise_id; interactions: team.id, team.enterprise_id.
    teamId: text(body.team_id) ?? nested('team', 'id'),
    enterpriseId: text(body.enterprise_id) ?? nested('enterprise', 'id') ?? nested('team', 'enterprise_id'),
    appId: text(body.api_app_id),
  };
}

/**
 * Why a verified request is not for this installation, or undefined when it is: it names another
 * app, another enterprise, or (unless the app is installed organisation-wide) another workspace.
 * A field the request does not carry (url_verification, ssl_check) is not held against it.
 */
export function foreignRequest(
  body: Record<string, unknown>,
  installation: Installation,
): { field: string; received: string; expected: string } | undefined {
  const got = requestIdentity(body);
  if (got.appId && got.appId !== installation.appId) {
    return { field: 'api_app_id', received: got.appId, expected: installation.appId };
  }
  if (got.enterpriseId && got.enterpriseId !== installation.enterpriseId) {
    return { field: 'enterprise_id', received: got.enterpriseId, expected: installation.enterpriseId ?? '(none)' };
  }
  if (!installation.enterpriseInstall && got.teamId && got.teamId !== installation.teamId) {
    return { field: 'team_id', received: got.teamId, expected: installation.teamId ?? '(none)' };
  }
  return undefined;
}
