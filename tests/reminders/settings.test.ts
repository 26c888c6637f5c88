import { describe, expect, it } from 'vitest';
import { parseCadence } from '../../src/reminders/settings.js';

describe('parseCadence', () => {
  it('reads plain or JSON-quoted values, case-insensitively, and rejects others', () => {
    expect(parseCadence('weekly')).toBe('weekly');
    expect(parseCadence(' "Monthly" ')).toBe('monthly');
    expect(parseCadence('off')).toBe('off');
    expect(parseCadence('daily')).toBeNull();
    expect(parseCadence('"unterminated')).toBeNull();
    expect(parseCadence(null)).toBeNull();
  });
});
