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

  it('shows the previous report, the indicator’s one value field and the overdue milestone', async () => {
    // SK-1: a percentage indicator from 0 to 100, owned by USTAFF001; 要件定義 was due on 2026-09-30.
    await suite.database.db.progressUpdate.create({
      data: {
        targetId: suite.org.targets.sk1,
        reporterId: 'USTAFF002',
        reportedAt: new Date('2026-11-02T01:00:00Z'),
        status: 'at_risk',
        value: 35,
        comment: '<!channel> 事業者選定が遅れています',
        source: 'slack',
      },
    });
    type Block = {
      type: string;
      block_id?: string;
      text?: { text: string };
      label?: { text: string };
      hint?: { text: string };
      element?: { initial_option?: { text: { text: string } }; options?: { text: { text: string } }[] };
    };
    let view: { blocks: Block[] } | undefined;
    nock('https://slack.com')
      .post('/api/views.open')
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
    const byId = (id: string) => view?.blocks.find((b) => b.block_id === id);
    expect(byId('target')?.element?.initial_option?.text.text).toBe('★ SK-1 区公式LINEの開設');
    expect(byId('previous')?.text?.text).toBe(
      '*前回の報告*　11月2日・<@USTAFF002>\n🟡 注意 ・ 実績 35%（達成率 35%）\n> &lt;!channel&gt; 事業者選定が遅れています',
    );
    expect(byId('value')?.label?.text).toBe('実績値（%）');
    expect(byId('value')?.hint?.text).toContain('基準値 0% → 目標値 100%');
    expect(byId('percent')).toBeUndefined();
    expect(byId(`milestones_${suite.org.targets.sk1}`)?.element?.options?.map((o) => o.text.text)).toEqual([
      '⚠️ 要件定義（9月30日・期限超過）',
      '運用開始（2027年3月1日）',
    ]);
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
