import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { appSuite } from '../helpers/app-suite.js';
import { seedSmallOrg } from '../helpers/seed.js';
import { blockAction, decodeSlackBody, waitFor } from '../helpers/slack-driver.js';

describe('the Report button (open_progress)', () => {
  const suite = appSuite({ seed: seedSmallOrg, now: () => new Date('2026-11-20T01:00:00Z'), locale: 'ja-JP' });

  it('opens the progress modal pre-selected on its target, with that target’s open milestones', async () => {
    let view:
      | { blocks: { block_id?: string; element?: { initial_option?: { value: string }; options?: unknown[] } }[] }
      | undefined;
    nock('https://slack.com')
      .post('/api/views.open', (b) => b.trigger_id === '111.222.valid')
      .reply(200, (_u, body) => {
        view = decodeSlackBody(body).view as typeof view;
        return { ok: true };
      });
    await suite.app.interaction(
      blockAction({
        userId: 'USTAFF001',
        action: { type: 'button', action_id: 'open_progress', value: String(suite.org.targets.sk1) },
      }),
    );
    await waitFor(() => view !== undefined);
    expect(view?.blocks.find((b) => b.block_id === 'target')?.element?.initial_option?.value).toBe(
      String(suite.org.targets.sk1),
    );
    expect(
      view?.blocks.find((b) => b.block_id === `milestones_${suite.org.targets.sk1}`)?.element?.options,
    ).toHaveLength(2);
  });

  it('refuses a target of another department by direct message when there is no response_url (Home tab)', async () => {
    const dms: string[] = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage', (b) => b.channel === 'USTAFF001')
      .reply(200, (_u, body) => {
        dms.push(String(decodeSlackBody(body).text));
        return { ok: true };
      });
    await suite.app.interaction(
      blockAction({
        userId: 'USTAFF001',
        responseUrl: null,
        action: { type: 'button', action_id: 'open_progress', value: String(suite.org.targets.sm1) },
      }),
    );
    await waitFor(() => dms.length === 1);
    expect(dms[0]).toContain('権限がありません');
  });
});
