import type { AnyBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  applyHomePageValue,
  buildHomeView,
  HOME_ORG_PAGE_SIZE,
  HOME_TARGETS_PAGE_SIZE,
  type HomeDepartment,
  type HomeInput,
  parseHomePages,
} from '../../src/blocks/home.js';
import { SLACK_LIMITS } from '../../src/blocks/limits.js';
import type { TargetStatus } from '../../src/services/progress/list-target-statuses.js';
import type { DepartmentStatusCounts } from '../../src/services/progress/summarize-department-statuses.js';

let nextId = 1;
function target(over: Partial<TargetStatus> = {}): TargetStatus {
  const id = nextId++;
  return {
    id,
    code: `T-${id}`,
    category: '施策',
    title: `目標 ${id}`,
    ownerId: 'U0OWNER001',
    indicatorUnit: null,
    indicatorTarget: null,
    latest: null,
    latestValue: null,
    overdueMilestones: [],
    nextMilestone: null,
    ...over,
  };
}

function department(id: number, count: number, name = `部${id}`): HomeDepartment {
  return { id, name, nameEn: `Dept ${id}`, targets: Array.from({ length: count }, () => target()) };
}

function counts(id: number): DepartmentStatusCounts {
  return {
    id,
    code: `d${id}`,
    name: `部${id}`,
    nameEn: `Department ${id}`,
    total: 5,
    counts: { on_track: 2, at_risk: 1, off_track: 1, done: 0, none: 1 },
    overdue: id % 3 === 0 ? 1 : 0,
  };
}

function input(over: Partial<HomeInput> = {}): HomeInput {
  return {
    locale: 'ja',
    fiscalYear: 2026,
    fiscalYearLabel: '令和8年度',
    asOf: '2026/11/20 10:00',
    today: '2026-11-20',
    timeZone: 'Asia/Tokyo',
    departments: [],
    pausedUntil: null,
    review: null,
    org: null,
    pages: { mine: 0, org: 0 },
    ...over,
  };
}

const texts = (blocks: AnyBlock[]) => JSON.stringify(blocks);
type Button = { action_id: string; value: string; text: { text: string } };
function buttons(blocks: AnyBlock[]): Button[] {
  const out: Button[] = [];
  for (const b of blocks as { accessory?: Button; elements?: Button[] }[]) {
    if (b.accessory?.action_id) out.push(b.accessory);
    for (const e of b.elements ?? []) if ((e as { action_id?: string }).action_id) out.push(e);
  }
  return out;
}

describe('Home tab', () => {
  it('shows a person in several departments their targets with a Report button each, within 100 blocks', () => {
    const departments = [department(1, 4), department(2, 6), department(3, 3)];
    const first = departments[0]?.targets[0] as TargetStatus;
    first.latest = { status: 'at_risk', reportedAt: new Date('2026-11-18T15:30:00Z'), reporterId: 'U1', percent: 40 };
    first.nextMilestone = { title: 'パブリックコメント', dueOn: new Date('2026-11-30T00:00:00Z') };
    first.overdueMilestones = [{ title: '素案', dueOn: new Date('2026-08-31T00:00:00Z') }];
    const view = buildHomeView(input({ departments }));
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.viewBlocks);
    const reports = buttons(view.blocks).filter((b) => b.action_id === 'open_progress');
    expect(reports.map((b) => b.value)).toEqual(departments.flatMap((d) => d.targets.map((t) => String(t.id))));
    const all = texts(view.blocks);
    expect(all).toContain('部1（4件）');
    expect(all).toContain('部3（3件）');
    // Status emoji, last report in Tokyo (Nov 19 00:30 JST), next and overdue milestones.
    expect(all).toContain('🟡 *T-');
    expect(all).toContain('最終報告 11月19日');
    expect(all).toContain('次: パブリックコメント（11月30日）');
    expect(all).toContain('⚠️ 期限超過 1件');
    expect(all).toContain('⚪ 報告なし');
    expect(all).toContain('/tracker pause until YYYY-MM-DD');
    expect(all).not.toContain('全庁の状況');
  });

  it('pages a long list of targets and carries the pages in private_metadata', () => {
    const departments = [department(1, 20), department(2, 20)];
    const page1 = buildHomeView(input({ departments, pages: { mine: 1, org: 0 } }));
    expect(page1.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.viewBlocks);
    const reports = buttons(page1.blocks).filter((b) => b.action_id === 'open_progress');
    expect(reports).toHaveLength(HOME_TARGETS_PAGE_SIZE);
    // The 16th target overall: department 1's 16th.
    expect(reports[0]?.value).toBe(String(departments[0]?.targets[15]?.id));
    const all = texts(page1.blocks);
    expect(all).toContain('部1（続き）');
    expect(all).toContain('16〜30件目 / 全40件');
    const nav = buttons(page1.blocks).filter((b) => b.action_id.startsWith('home_page_'));
    expect(nav.map((b) => [b.action_id, b.value])).toEqual([
      ['home_page_mine_previous', 'mine:0'],
      ['home_page_mine_next', 'mine:2'],
    ]);
    expect(JSON.parse(page1.private_metadata ?? '')).toEqual({ mine: 1, org: 0 });
    // A page past the end shows the last one.
    const clamped = buildHomeView(input({ departments, pages: { mine: 99, org: 0 } }));
    expect(JSON.parse(clamped.private_metadata ?? '')).toEqual({ mine: 2, org: 0 });
  });

  it('gives headquarters an overview of 200 departments, paginated within 100 blocks', () => {
    const org = Array.from({ length: 200 }, (_, i) => counts(i + 1));
    const departments = [department(1, 15), department(2, 15)];
    for (let page = 0; page < Math.ceil(200 / HOME_ORG_PAGE_SIZE); page++) {
      const view = buildHomeView(input({ departments, org, pages: { mine: 0, org: page } }));
      expect(view.blocks.length, `page ${page}`).toBeLessThanOrEqual(SLACK_LIMITS.viewBlocks);
      const all = texts(view.blocks);
      expect(all).toContain(`*部${page * HOME_ORG_PAGE_SIZE + 1}*（5件）`);
      expect(all).toContain(`*部${(page + 1) * HOME_ORG_PAGE_SIZE}*（5件）`);
      expect(all).not.toContain(`*部${(page + 1) * HOME_ORG_PAGE_SIZE + 1}*（`);
      for (const b of view.blocks as { text?: { text: string } }[]) {
        expect((b.text?.text ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      }
    }
    const first = buildHomeView(input({ departments, org }));
    const all = texts(first.blocks);
    expect(all).toContain('全庁の状況（令和8年度）');
    expect(all).toContain('200部・1000件');
    expect(all).toContain('🟢 400');
    expect(all).toContain('1〜40件目 / 全200件');
    const nav = buttons(first.blocks).filter((b) => b.action_id.startsWith('home_page_org'));
    expect(nav.map((b) => b.value)).toEqual(['org:1']);
  });

  it('shows headquarters staff outside any department only the overview', () => {
    const all = texts(buildHomeView(input({ org: [counts(1)] })).blocks);
    expect(all).toContain('全庁の状況');
    expect(all).not.toContain('どの部にも登録されていません');
  });

  it('gives headquarters staff outside any department no "your departments" text and no two dividers in a row', () => {
    for (const locale of ['ja', 'en'] as const) {
      for (const org of [[counts(1)], [], Array.from({ length: 60 }, (_, i) => counts(i + 1))]) {
        const view = buildHomeView(input({ locale, org }));
        const all = texts(view.blocks);
        expect(all).not.toMatch(/所属する部|your departments/i);
        expect(all).toContain(locale === 'ja' ? '全庁の重点目標の状況です' : 'whole organisation');
        const types = view.blocks.map((b) => b.type);
        types.forEach((type, i) => {
          if (type === 'divider')
            expect(types[i + 1], `${locale} ${org.length}: ${types.join(',')}`).not.toBe('divider');
        });
        expect(types[types.length - 1]).not.toBe('divider');
        expect(types.filter((type) => type === 'divider')).toHaveLength(1);
      }
    }
    // A department member who is also headquarters keeps both parts, one divider before each.
    const both = buildHomeView(input({ org: [counts(1)], departments: [department(1, 2)] }));
    expect(texts(both.blocks)).toContain('あなたが所属する部の重点目標');
    expect(both.blocks.filter((b) => b.type === 'divider')).toHaveLength(2);
  });

  it('says so when the person has no department, or their departments no targets', () => {
    expect(texts(buildHomeView(input()).blocks)).toContain('どの部にも登録されていません');
    expect(texts(buildHomeView(input({ departments: [department(1, 0)] })).blocks)).toContain(
      '令和8年度の重点目標はまだ登録されていません',
    );
  });

  it('shows an active pause and the review waiting for the person', () => {
    const view = buildHomeView(
      input({
        departments: [department(1, 1)],
        pausedUntil: '2026-12-10',
        review: { fiscalYearLabel: '令和7年度', phase: 'open', closesOn: '2027-07-10', pending: 3 },
      }),
    );
    const all = texts(view.blocks);
    expect(all).toContain('リマインダーは *12月10日* まで停止中');
    expect(all).toContain('令和7年度の行政評価*: あなたの対応待ちが *3件*');
    expect(buttons(view.blocks).some((b) => b.action_id === 'review_list_open')).toBe(true);
    // A pause that ended yesterday is not shown as active.
    const ended = buildHomeView(input({ departments: [department(1, 1)], pausedUntil: '2026-11-19' }));
    expect(texts(ended.blocks)).not.toContain('停止中');
  });

  it('escapes user text and speaks English', () => {
    const d = department(1, 1);
    (d.targets[0] as TargetStatus).title = '<!channel> & <http://evil|x>';
    const view = buildHomeView(input({ locale: 'en', fiscalYearLabel: 'FY2026', departments: [d] }));
    const all = texts(view.blocks);
    expect(all).not.toContain('<!channel>');
    expect(all).toContain('&lt;!channel&gt; &amp;');
    expect(all).toContain('Dept 1 (1)');
    expect(all).toContain('Report');
  });

  it('reads the pages back from private_metadata and paging values', () => {
    expect(parseHomePages('{"mine":2,"org":3}')).toEqual({ mine: 2, org: 3 });
    expect(parseHomePages('garbage')).toEqual({ mine: 0, org: 0 });
    expect(parseHomePages('{"mine":-1,"org":1.5}')).toEqual({ mine: 0, org: 0 });
    expect(applyHomePageValue({ mine: 2, org: 3 }, 'org:0')).toEqual({ mine: 2, org: 0 });
    expect(applyHomePageValue({ mine: 2, org: 3 }, 'mine:1')).toEqual({ mine: 1, org: 3 });
    expect(applyHomePageValue({ mine: 2, org: 3 }, 'hack:1')).toEqual({ mine: 2, org: 3 });
  });

  it('never exceeds Slack limits on button and header text', () => {
    const long = department(1, 1, 'あ'.repeat(400));
    const view = buildHomeView(input({ departments: [long], org: [{ ...counts(1), name: 'い'.repeat(400) }] }));
    for (const b of view.blocks as { type: string; text?: { text: string } }[]) {
      if (b.type === 'header')
        expect(Array.from(b.text?.text ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    }
    expect(texts(view.blocks)).toContain('…');
  });
});
