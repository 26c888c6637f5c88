import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { appSuite } from '../helpers/app-suite.js';
import { seedSmallOrg } from '../helpers/seed.js';
import { blockAction, decodeSlackBody, waitFor } from '../helpers/slack-driver.js';

describe('changing the target inside the progress modal', () => {
  const suite = appSuite({ seed: seedSmallOrg, now: () => new Date('2026-11-20T01:00:00Z') });

  const select = (user: string, targetId: number) =>
    blockAction({
      userId: user,
      view: { id: 'VMODAL1', hash: '1596530361.3wRYuk3R', type: 'modal', callback_id: 'progress_submit' },
      action: {
        type: 'static_select',
        action_id: 'progress_target',
        block_id: 'target',
        selected_option: { value: String(targetId), text: { type: 'plain_text', text: 'x' } },
      },
    });

  it('redraws the modal with the new target’s milestones, passing the view hash', async () => {
    let sent: Record<string, unknown> | undefined;
    nock('https://slack.com')
      .post('/api/views.update')
      .reply(200, (_u, body) => {
        sent = decodeSlackBody(body);
        return { ok: true };
      });
    await suite.app.interaction(select('USTAFF001', suite.org.targets.sk1));
    await waitFor(() => sent !== undefined);
    expect(sent?.view_id).toBe('VMODAL1');
    expect(sent?.hash).toBe('1596530361.3wRYuk3R');
    expect(JSON.stringify(sent?.view)).toContain(`milestones_${suite.org.targets.sk1}`);
    expect(JSON.stringify(sent?.view)).toContain('運用開始');
  });

  it('swaps the number field with the target: the indicator’s value, or a percentage without one', async () => {
    const sent: { blocks: { block_id?: string; label?: { text: string } }[] }[] = [];
    nock('https://slack.com')
      .post('/api/views.update')
      .times(2)
      .reply(200, (_u, body) => {
        sent.push(decodeSlackBody(body).view as (typeof sent)[number]);
        return { ok: true };
      });
    await suite.app.interaction(select('USTAFF002', suite.org.targets.sk1));
    await waitFor(() => sent.length === 1);
    await suite.app.interaction(select('USTAFF002', suite.org.targets.sk2));
    await waitFor(() => sent.length === 2);
    const fields = sent.map((view) =>
      view.blocks.filter((b) => b.block_id === 'value' || b.block_id === 'percent').map((b) => b.label?.text),
    );
    expect(fields).toEqual([['実績値（%）'], ['進捗率（%）']]);
  });

  it('does not reveal another department’s target: the user is told, the view is not updated', async () => {
    const dms: string[] = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(200, (_u, body) => {
        dms.push(String(decodeSlackBody(body).text));
        return { ok: true };
      });
    await suite.app.interaction(select('USTAFF001', suite.org.targets.sm1));
    await waitFor(() => dms.length === 1);
    expect(dms[0]).toContain('権限がありません');
    expect(nock.pendingMocks().some((m) => m.includes('views.update'))).toBe(false);
  });
});
