import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { appSuite } from '../helpers/app-suite.js';
import { seedSmallOrg } from '../helpers/seed.js';
import { decodeSlackBody, waitFor } from '../helpers/slack-driver.js';

type Option = { value: string; text: { text: string } };
type View = {
  title: { text: string };
  blocks: {
    type: string;
    block_id?: string;
    label?: { text: string };
    elements?: { text?: string }[];
    element?: {
      type: string;
      initial_option?: Option;
      option_groups?: { label: { text: string }; options: Option[] }[];
      options?: Option[];
    };
  }[];
};

function interceptViewsOpen(reply: Record<string, unknown> = { ok: true, view: { id: 'V1' } }) {
  const seen: { view?: View } = {};
  nock('https://slack.com')
    .post('/api/views.open')
    .reply(200, (_uri, body) => {
      seen.view = decodeSlackBody(body).view as View;
      return reply;
    });
  return seen;
}

function interceptLocale(user: string, locale: string) {
  nock('https://slack.com')
    .post('/api/users.info')
    .reply(200, { ok: true, user: { id: user, locale } });
}

function interceptResponseUrl() {
  const seen: { text?: string } = {};
  nock('https://hooks.slack.com')
    .post('/commands/1234/5678')
    .reply(200, (_uri, body) => {
      seen.text = (body as { text?: string }).text;
      return 'ok';
    });
  return seen;
}

describe('/progress', () => {
  const suite = appSuite({ seed: seedSmallOrg, now: () => new Date('2026-11-20T01:00:00Z') });

  it('answers Slack at once and opens a Japanese modal with only the reporter’s departments', async () => {
    // users.info is held until Slack has its answer: the command is acknowledged before any Web
    // API call (a listener that waited for one would never answer, and the test would time out).
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    nock('https://slack.com')
      .post('/api/users.info')
      .reply((_uri, _body, callback) => {
        void held.then(() => callback(null, [200, { ok: true, user: { id: 'USTAFF002', locale: 'ja-JP' } }]));
      });
    const seen = interceptViewsOpen();
    const res = await suite.app.slashCommand({ command: '/progress', text: '', user_id: 'USTAFF002' });
    expect(res.status).toBe(200);
    expect(seen.view).toBeUndefined();
    release();
    await waitFor(() => seen.view !== undefined);
    expect(seen.view?.title.text).toBe('進捗報告');
    const text = JSON.stringify(seen.view);
    expect(text).toContain('SK-1 区公式LINEの開設');
    expect(text).toContain('SK-2');
    expect(text).not.toContain('SM-1'); // 総務部's target is not theirs
  });

  it('lists the reporter’s own targets first, marked ★', async () => {
    interceptLocale('USTAFF002', 'ja-JP');
    const seen = interceptViewsOpen();
    await suite.app.slashCommand({ command: '/progress', text: '', user_id: 'USTAFF002' });
    await waitFor(() => seen.view !== undefined);
    const groups = seen.view?.blocks.find((b) => b.block_id === 'target')?.element?.option_groups;
    expect(groups?.map((g) => [g.label.text, ...g.options.map((o) => o.text.text)])).toEqual([
      ['★ あなたが担当の目標', '★ SK-2 補正予算の適時編成'],
      ['政策経営部', 'SK-1 区公式LINEの開設'],
    ]);
    // No target chosen yet: no number field until the choice redraws the modal.
    expect(seen.view?.blocks.some((b) => b.block_id === 'value' || b.block_id === 'percent')).toBe(false);
  });

  it('pre-selects a target from part of its title and speaks English to an English user', async () => {
    interceptLocale('USTAFF001', 'en-US');
    const seen = interceptViewsOpen();
    await suite.app.slashCommand({ command: '/progress', text: '補正予算', user_id: 'USTAFF001' });
    await waitFor(() => seen.view !== undefined);
    expect(seen.view?.title.text).toBe('Report progress');
    const target = seen.view?.blocks.find((b) => b.block_id === 'target');
    expect(target?.element?.initial_option?.value).toBe(String(suite.org.targets.sk2));
    // SK-2 has no indicator: one percentage field, in English, and no report yet.
    const byId = (id: string) => seen.view?.blocks.find((b) => b.block_id === id);
    expect(byId('percent')?.label?.text).toBe('Progress (%)');
    expect(byId('value')).toBeUndefined();
    expect(byId('previous')?.elements?.[0]?.text).toBe('No report on this target yet.');
  });

  it('explains politely to a user who belongs to no department, without opening a modal', async () => {
    interceptLocale('UNOBODY01', 'ja-JP');
    const reply = interceptResponseUrl();
    const res = await suite.app.slashCommand({ command: '/progress', text: '', user_id: 'UNOBODY01' });
    expect(res.status).toBe(200);
    await waitFor(() => reply.text !== undefined);
    expect(reply.text).toContain('どの部にも登録されていません');
    expect(nock.pendingMocks().some((m) => m.includes('views.open'))).toBe(false);
  });

  it('tells the user when Slack refuses to open the modal, and logs the error', async () => {
    interceptLocale('USTAFF002', 'ja-JP');
    nock('https://slack.com').post('/api/views.open').reply(200, { ok: false, error: 'expired_trigger_id' });
    const reply = interceptResponseUrl();
    await suite.app.slashCommand({ command: '/progress', text: '', user_id: 'USTAFF002' });
    await waitFor(() => reply.text !== undefined);
    expect(reply.text).toContain('申し訳ありません');
    expect(reply.text).not.toMatch(/expired_trigger_id|Error|at /);
    expect(suite.app.lines.some((l) => l.includes('/progress failed') && l.includes('expired_trigger_id'))).toBe(true);
  });

  it('uses a searchable select when the reporter has more than 100 targets', async () => {
    const fy = await suite.database.db.fiscalYear.findUniqueOrThrow({ where: { year: 2026 } });
    await suite.database.db.target.createMany({
      data: Array.from({ length: 101 }, (_, i) => ({
        fiscalYearId: fy.id,
        departmentId: suite.org.departments.somu,
        code: `BULK-${i}`,
        category: '施策',
        title: `大量の目標 ${i}`,
        sortOrder: 10 + i,
      })),
    });
    interceptLocale('USOMU0001', 'ja-JP');
    const seen = interceptViewsOpen();
    await suite.app.slashCommand({ command: '/progress', text: '', user_id: 'USOMU0001' });
    await waitFor(() => seen.view !== undefined);
    expect(seen.view?.blocks.find((b) => b.block_id === 'target')?.element?.type).toBe('external_select');

    const options = await suite.app.interaction({
      type: 'block_suggestion',
      user: { id: 'USOMU0001' },
      team: { id: 'T0001' },
      api_app_id: 'A123456',
      action_id: 'progress_target',
      block_id: 'target',
      value: 'BULK-10',
      view: { id: 'V1', type: 'modal', callback_id: 'progress_submit' },
    });
    expect(options.status).toBe(200);
    const body = JSON.parse(options.body) as { option_groups: { options: { text: { text: string } }[] }[] };
    const texts = body.option_groups.flatMap((g) => g.options.map((o) => o.text.text));
    expect(texts).toEqual(['BULK-10 大量の目標 10', 'BULK-100 大量の目標 100']);

    // Before anything is typed, the reporter's own target leads the list.
    const first = await suite.app.interaction({
      type: 'block_suggestion',
      user: { id: 'USOMU0001' },
      team: { id: 'T0001' },
      api_app_id: 'A123456',
      action_id: 'progress_target',
      block_id: 'target',
      value: '',
      view: { id: 'V1', type: 'modal', callback_id: 'progress_submit' },
    });
    const groups = (JSON.parse(first.body) as { option_groups: { label: { text: string }; options: Option[] }[] })
      .option_groups;
    expect(groups[0]?.label.text).toBe('★ あなたが担当の目標');
    expect(groups[0]?.options.map((o) => o.text.text)).toEqual(['★ SM-1 文書管理の電子化']);
    expect(groups.flatMap((g) => g.options)).toHaveLength(100);
  });
});

describe('/progress for a reporter with a single target', () => {
  const suite = appSuite({ seed: seedSmallOrg, now: () => new Date('2026-11-20T01:00:00Z') });

  it('selects that target at once, with its percentage field and its milestones', async () => {
    interceptLocale('USOMU0001', 'ja-JP');
    const seen = interceptViewsOpen();
    await suite.app.slashCommand({ command: '/progress', text: '', user_id: 'USOMU0001' });
    await waitFor(() => seen.view !== undefined);
    const byId = (id: string) => seen.view?.blocks.find((b) => b.block_id === id);
    expect(byId('target')?.element?.initial_option?.text.text).toBe('★ SM-1 文書管理の電子化');
    expect(byId('percent')?.label?.text).toBe('進捗率（%）');
    expect(byId(`milestones_${suite.org.targets.sm1}`)?.element?.options?.map((o) => o.text.text)).toEqual([
      '方針決定（12月1日）',
    ]);
  });

  it('tells the user when the database cannot be read, without opening a modal', async () => {
    interceptLocale('USOMU0001', 'ja-JP');
    const reply = interceptResponseUrl();
    const original = suite.database.db.progressUpdate.findFirst;
    // The previous report cannot be read: the modal is not opened half-filled.
    suite.database.db.progressUpdate.findFirst = (() =>
      Promise.reject(new Error('SQLITE_BUSY: database is locked'))) as unknown as typeof original;
    try {
      await suite.app.slashCommand({ command: '/progress', text: '', user_id: 'USOMU0001' });
      await waitFor(() => reply.text !== undefined);
    } finally {
      suite.database.db.progressUpdate.findFirst = original;
    }
    expect(reply.text).toContain('申し訳ありません');
    expect(reply.text).not.toContain('SQLITE_BUSY');
    expect(suite.app.lines.some((l) => l.includes('/progress failed') && l.includes('database is locked'))).toBe(true);
    expect(nock.pendingMocks().some((m) => m.includes('views.open'))).toBe(false);
  });

  it('answers the searchable select with no options when the targets cannot be read, and logs why', async () => {
    const original = suite.database.db.target.findMany;
    suite.database.db.target.findMany = (() =>
      Promise.reject(new Error('SQLITE_BUSY: database is locked'))) as unknown as typeof original;
    try {
      const res = await suite.app.interaction({
        type: 'block_suggestion',
        user: { id: 'USOMU0001' },
        team: { id: 'T0001' },
        api_app_id: 'A123456',
        action_id: 'progress_target',
        block_id: 'target',
        value: '',
        view: { id: 'V1', type: 'modal', callback_id: 'progress_submit' },
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ options: [] });
    } finally {
      suite.database.db.target.findMany = original;
    }
    expect(suite.app.lines.some((l) => l.includes('target options failed') && l.includes('database is locked'))).toBe(
      true,
    );
  });
});
