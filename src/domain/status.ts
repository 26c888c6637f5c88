import type { MessageKey } from '../i18n/messages.js';

export const STATUSES = ['on_track', 'at_risk', 'off_track', 'done'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_EMOJI: Record<Status, string> = {
  on_track: '🟢',
  at_risk: '🟡',
  off_track: '🔴',
  done: '✅',
};

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export function statusKey(status: Status): MessageKey {
  return `status.${status}`;
}

export const CATEGORIES = ['施策', '改革', '人材育成・活用'] as const;
export const INDICATOR_KINDS = ['activity', 'outcome'] as const;
