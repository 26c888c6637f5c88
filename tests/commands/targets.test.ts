import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { appSuite } from '../helpers/app-suite.js';
import { seedSmallOrg } from '../helpers/seed.js';
import { waitFor } from '../helpers/slack-driver.js';

type Reply = { text?: string; blocks?: { type: string; elements?: { action_id?: string; value?: string }[] }[] };

function captureResponses(path = '/commands/1234/5678', times = 1) {
  const replies: Reply[] = [];
  nock('https://hooks.slack.com')
    .post(path)
    .times(times)
    .reply(200, (_uri, body) => {
      replies.push(body as Reply);
      return 'ok';
    });
  return replies;
}

describe('/targets', () => {
  const suite = appSuite({
    seed: async (db) => {
      const seeded = await seedSmallOrg(db);
      // 20 more targets for 総務部, so its list needs two pages.
      await db.target.createMany({
        data: Array.from({ length: 20 }, (_, i) => ({
          fiscalYearId: seeded.fiscalYearId,
          departmentId: seeded.departments.somu,
          code: `SM-${i + 2}`,
          category: '改革',
          title: `業務改善 ${i + 2} <!here>`,
          sortOrder: i + 1,
        })),
      });
      return seeded;
    },
    now: () => new Date('2026-12-10T01:00:00Z'),
    hqUsers: ['UHQ000001'],
    locale: 'ja-JP',
  });

  it('shows the first page of the user’s department with a Next button and escaped titles', async () => {
    const replies = captureResponses();
    await suite.app.slashCommand({ command: '/targets', text: '', user_id: 'USOMU0001' });
    await waitFor(() => replies.length === 1);
    const reply = replies[0];
    const text = JSON.stringify(reply);
    expect(text).toContain('総務部の重点目標（令和8年度）');
    expect(text).toContain('1〜15件目 / 全21件');
    expect(text).toContain('&lt;!here&gt;');
    expect(text).not.toContain('<!here>');
    // 方針決定 was due 2026-12-01 and is not done: overdue on 2026-12-10.
    expect(text).toContain('期限超過: 方針決定');
    const nav = reply?.blocks?.find((b) => b.type === 'actions');
    expect(nav?.elements?.map((e) => e.action_id)).toEqual(['targets_page_next']);
    expect(reply?.blocks?.length).toBeLessThanOrEqual(50);

    const pageReplies = captureResponses('/actions/T111/111/random-value');
    const next = nav?.elements?.[0];
    const { blockAction } = await import('../helpers/slack-driver.js');
    const res = await suite.app.interaction(
      blockAction({
        userId: 'USOMU0001',
        action: { type: 'button', action_id: 'targets_page_next', value: next?.value },
      }),
    );
    expect(res.status).toBe(200);
    await waitFor(() => pageReplies.length === 1);
    expect(JSON.stringify(pageReplies[0])).toContain('16〜21件目 / 全21件');
    expect((pageReplies[0] as { replace_original?: boolean }).replace_original).toBe(true);
  });

  it('refuses a page button whose value names a department the user cannot see', async () => {
    const replies = captureResponses('/actions/T111/111/random-value');
    const { blockAction } = await import('../helpers/slack-driver.js');
    await suite.app.interaction(
      blockAction({
        userId: 'USOMU0001',
        action: {
          type: 'button',
          action_id: 'targets_page_next',
          value: JSON.stringify({ d: suite.org.departments.seisaku, p: 0 }),
        },
      }),
    );
    await waitFor(() => replies.length === 1);
    expect(replies[0]?.text).toContain('権限がありません');
    expect(JSON.stringify(replies[0])).not.toContain('SK-1');
  });

  it('names the user’s departments when the requested one does not match', async () => {
    const replies = captureResponses();
    await suite.app.slashCommand({ command: '/targets', text: '土木部', user_id: 'USTAFF001' });
    await waitFor(() => replies.length === 1);
    expect(replies[0]?.text).toContain('「土木部」に一致する部が見つかりません');
    expect(replies[0]?.text).toContain('政策経営部');
  });

  it('says a department exists but is not the user’s, rather than that it does not exist', async () => {
    const replies = captureResponses('/commands/1234/5678', 2);
    await suite.app.slashCommand({ command: '/targets', text: '総務部', user_id: 'USTAFF001' });
    await suite.app.slashCommand({ command: '/targets', text: 'somu', user_id: 'USTAFF001' });
    await waitFor(() => replies.length === 2);
    for (const reply of replies) {
      expect(reply.text).toContain('の重点目標は見られません');
      expect(reply.text).toContain('政策経営部');
      expect(reply.text).not.toContain('見つかりません');
      expect(JSON.stringify(reply)).not.toContain('SM-1');
    }
  });

  it('lets headquarters look at any department by code', async () => {
    const replies = captureResponses();
    await suite.app.slashCommand({ command: '/targets', text: 'seisaku', user_id: 'UHQ000001' });
    await waitFor(() => replies.length === 1);
    expect(JSON.stringify(replies[0])).toContain('SK-1');
  });

  it('explains to a user in no department', async () => {
    const replies = captureResponses();
    await suite.app.slashCommand({ command: '/targets', text: '', user_id: 'UNOBODY01' });
    await waitFor(() => replies.length === 1);
    expect(replies[0]?.text).toContain('どの部にも登録されていません');
  });
});

describe('/targets in the review season', () => {
  // 2027-05-10: FY2026 has ended, its 自己評価 (6/1–6/20) is ahead and FY2027 is not imported.
  const suite = appSuite({
    seed: seedSmallOrg,
    now: () => new Date('2027-05-10T01:00:00Z'),
    hqUsers: ['UHQ000001'],
    locale: 'ja-JP',
  });

  it('lists the ended year’s targets and says which year they are', async () => {
    const replies = captureResponses();
    await suite.app.slashCommand({ command: '/targets', text: '', user_id: 'USOMU0001' });
    await waitFor(() => replies.length === 1);
    const text = JSON.stringify(replies[0]);
    expect(text).toContain('総務部の重点目標（令和8年度）');
    expect(text).toContain('SM-1');
  });
});
