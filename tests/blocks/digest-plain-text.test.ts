import { describe, expect, it } from 'vitest';
import { digestToPlainText } from '../../src/blocks/digest-plain-text.js';

describe('digestToPlainText', () => {
  it('marks each message and renders headers, sections, context and dividers', () => {
    const text = digestToPlainText(
      [
        {
          text: 'fallback',
          blocks: [
            { type: 'header', text: { type: 'plain_text', text: '週次進捗ダイジェスト' } },
            { type: 'section', text: { type: 'mrkdwn', text: '*全体* &lt;注意&gt; &amp;' } },
            { type: 'divider' },
          ],
        },
        { text: 'more', blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: '続き 2/2' }] }] },
      ],
      'weekly digest',
    );
    expect(text).toBe(
      [
        '===== weekly digest 1/2 (channel, 3 blocks) =====',
        '# 週次進捗ダイジェスト',
        '*全体* <注意> &',
        '────────',
        '',
        '===== weekly digest 2/2 (thread, 1 blocks) =====',
        '続き 2/2',
      ].join('\n'),
    );
  });
});
