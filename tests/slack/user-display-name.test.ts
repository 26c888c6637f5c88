import { describe, expect, it } from 'vitest';
import { userDisplayName } from '../../src/slack/user-display-name.js';

describe('userDisplayName', () => {
  it('takes the display name, else the real name, else the user name', () => {
    expect(userDisplayName({ name: 'taro', real_name: '山田 太郎', profile: { display_name: 'たろう' } })).toBe(
      'たろう',
    );
    expect(userDisplayName({ name: 'taro', profile: { display_name: '', real_name: '山田 太郎' } })).toBe('山田 太郎');
    expect(userDisplayName({ name: 'taro', real_name: '', profile: {} })).toBe('taro');
  });

  it('cleans the name like all user text, and skips one with nothing visible', () => {
    expect(userDisplayName({ profile: { display_name: ' \u202Eたろう\u0007 ' } })).toBe('たろう');
    expect(userDisplayName({ name: 'taro', profile: { display_name: '\u200B' } })).toBe('taro');
    expect(userDisplayName({})).toBeNull();
    expect(userDisplayName(undefined)).toBeNull();
  });
});
