// Who acts in a review window (ReviewWindow.role).

export const WINDOW_ROLES = ['self', 'approve', 'check'] as const;
/** self: target owners self-assess; approve: department managers approve; check: headquarters checks. */
export type WindowRole = (typeof WINDOW_ROLES)[number];

export function isWindowRole(value: unknown): value is WindowRole {
  return typeof value === 'string' && (WINDOW_ROLES as readonly string[]).includes(value);
}

/**
 * The role of a window whose import entry names none, from its name: 承認 or "approv…" → approve;
 * 本部, 確認 or "check" → check; anything else → self. The role migration applies the same rule
 * to windows stored before roles existed.
 */
export function inferWindowRole(name: string): WindowRole {
  const lower = name.toLowerCase();
  if (name.includes('承認') || lower.includes('approv')) return 'approve';
  if (name.includes('本部') || name.includes('確認') || lower.includes('check')) return 'check';
  return 'self';
}

/** A stored role; an unknown value (never written by the importer) reads as self. */
export function windowRole(value: string | null | undefined): WindowRole {
  return isWindowRole(value) ? value : 'self';
}
