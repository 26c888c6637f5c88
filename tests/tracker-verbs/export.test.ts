import { parse } from 'csv-parse/sync';
import nock from 'nock';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sheetHeaders } from '../../src/export/columns.js';
import { parseExportArgs } from '../../src/tracker-verbs/export.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { decodeSlackBody, nockAuthTest, startTestApp, type TestApp, waitFor } from '../helpers/slack-driver.js';
import { IN_REVIEW, PEOPLE, seedReviewOrg } from '../review/fixtures.js';

/**
 * The file inside the multipart body the WebClient posts to the upload URL. nock hands binary
 * bodies over hex-encoded and text bodies as they are.
 */
function uploadedFile(body: string): Buffer {
  const raw = /^[0-9a-f]+$/.test(body) && body.length % 2 === 0 ? Buffer.from(body, 'hex') : Buffer.from(body, 'utf8');
  const boundary = raw.subarray(0, raw.indexOf('\r\n')).toString('latin1');
  const start = raw.indexOf('\r\n\r\n') + 4;
  const end = raw.indexOf(`\r\n${boundary}`, start);
  return raw.subarray(start, end);
}

describe('parseExportArgs', () => {
  it('takes a year and a format in any order, defaulting to xlsx', () => {
    expect(parseExportArgs([])).toEqual({ fiscalYear: undefined, format: 'xlsx' });
    expect(parseExportArgs(['csv', '2026'])).toEqual({ fiscalYear: 2026, format: 'csv' });
    expect(parseExportArgs(['FY2025', 'XLSX'])).toEqual({ fiscalYear: 2025, format: 'xlsx' });
    expect(parseExportArgs(['２０２６'])).toEqual({ fiscalYear: 2026, format: 'xlsx' });
    expect(() => parseExportArgs(['pdf'])).toThrow(expect.objectContaining({ code: 'export_usage' }));
  });
});

describe('/tracker export', () => {
  let database: TestDatabase;
  let app: TestApp;
  const replies: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedReviewOrg(database.db);
    app = await startTestApp(database, { now: () => IN_REVIEW });
  });
  beforeEach(() => {
    nockAuthTest();
    nock('https://slack.com')
      .persist()
      .post('/api/users.info')
      .reply(200, (_u, body) => {
        const user = decodeSlackBody(body).user;
        const name = user === PEOPLE.memberA1 ? '職員A1' : '';
        return { ok: true, user: { id: user, locale: 'ja-JP', profile: { display_name: name } } };
      });
    replies.length = 0;
    nock('https://hooks.slack.com')
      .post('/commands/1234/5678')
      .reply(200, (_u, body) => {
        replies.push(String((body as { text?: string }).text));
        return 'ok';
      });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  /** Slack's three-step external upload, capturing the file bytes and the completion. */
  function nockUpload() {
    const seen: { uploaded?: Buffer; filename?: string; completion?: Record<string, unknown>; dmFor?: string } = {};
    nock('https://slack.com')
      .post('/api/conversations.open')
      .reply(200, (_u, body) => {
        seen.dmFor = String(decodeSlackBody(body).users);
        return { ok: true, channel: { id: 'D0HQ000001' } };
      });
    nock('https://slack.com')
      .post('/api/files.getUploadURLExternal')
      .reply(200, (_u, body) => {
        seen.filename = String(decodeSlackBody(body).filename);
        return { ok: true, upload_url: 'https://files.slack.com/upload/v1/ABC123', file_id: 'F0SHEET01' };
      });
    nock('https://files.slack.com')
      .post('/upload/v1/ABC123')
      .reply(200, (_u, body) => {
        seen.uploaded = uploadedFile(body as string);
        return 'OK - 1234';
      });
    nock('https://slack.com')
      .post('/api/files.completeUploadExternal')
      .reply(200, (_u, body) => {
        seen.completion = decodeSlackBody(body);
        return { ok: true, files: [{ id: 'F0SHEET01' }] };
      });
    return seen;
  }

  it('uploads the XLSX evaluation sheet to a headquarters user’s DM', async () => {
    const seen = nockUpload();
    await app.slashCommand({ command: '/tracker', text: 'export 2026', user_id: PEOPLE.hq });
    // The first workbook of the process loads the XLSX writer, which takes seconds on a busy machine.
    await waitFor(() => replies.length === 1, 30_000);
    expect(replies[0]).toBe('令和8年度の評価シート（hyouka-sheet-FY2026.xlsx、6件）をDMでお送りしました。');
    expect(seen.dmFor).toBe(PEOPLE.hq);
    expect(seen.filename).toBe('hyouka-sheet-FY2026.xlsx');
    expect(seen.completion?.channel_id).toBe('D0HQ000001');
    expect(String(seen.completion?.initial_comment)).toContain('6件');
    // The bytes Slack received are the workbook itself.
    const [sheet] = await readXlsxFile(seen.uploaded as Buffer);
    expect(sheet?.data[0]?.[0]).toBe('令和8年度 行政評価 評価シート');
    expect(sheet?.data[1]).toEqual(sheetHeaders('ja'));
    expect(sheet?.data).toHaveLength(8);
    // Owners are named by their Slack display names.
    const owner = sheetHeaders('ja').indexOf('担当者');
    expect(sheet?.data[2]?.[owner]).toBe('職員A1');
  });

  it('uploads CSV with a BOM when asked', async () => {
    const seen = nockUpload();
    await app.slashCommand({ command: '/tracker', text: 'export csv', user_id: PEOPLE.hq });
    await waitFor(() => replies.length === 1);
    expect(seen.filename).toBe('hyouka-sheet-FY2026.csv');
    expect(replies[0]).toContain('hyouka-sheet-FY2026.csv');
    expect([...(seen.uploaded as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(seen.uploaded as Buffer, { bom: true }) as string[][];
    expect(header).toEqual(sheetHeaders('ja'));
    expect(rows.map((r) => r[2])).toEqual(['SK-1', 'SK-4', 'SK-2', 'SK-3', 'SK-5', 'KM-1']);
  });

  it('refuses people outside headquarters politely, uploading nothing', async () => {
    const open = nock('https://slack.com')
      .post('/api/conversations.open')
      .reply(200, { ok: true, channel: { id: 'D1' } });
    await app.slashCommand({ command: '/tracker', text: 'export 2026', user_id: PEOPLE.managerA });
    await waitFor(() => replies.length === 1);
    expect(replies[0]).toContain('評価シートの出力は、政策経営部（本部）の担当者のみ');
    expect(open.isDone()).toBe(false);
  });

  it('explains the usage for a wrong argument and an unknown year', async () => {
    await app.slashCommand({ command: '/tracker', text: 'export pdf', user_id: PEOPLE.hq });
    await waitFor(() => replies.length === 1);
    expect(replies[0]).toContain('/tracker export [年度] [csv|xlsx]');
    nock('https://hooks.slack.com')
      .post('/commands/1234/5678')
      .reply(200, (_u, body) => {
        replies.push(String((body as { text?: string }).text));
        return 'ok';
      });
    await app.slashCommand({ command: '/tracker', text: 'export 2031', user_id: PEOPLE.hq });
    await waitFor(() => replies.length === 2);
    expect(replies[1]).toContain('2031年度のデータは登録されていません');
  });

  it('tells the person when the upload fails, and logs it', async () => {
    nock('https://slack.com')
      .post('/api/conversations.open')
      .reply(200, { ok: true, channel: { id: 'D0HQ000001' } });
    nock('https://slack.com')
      .post('/api/files.getUploadURLExternal')
      .reply(200, { ok: false, error: 'not_allowed_token_type' });
    await app.slashCommand({ command: '/tracker', text: 'export', user_id: PEOPLE.hq });
    await waitFor(() => replies.length === 1);
    expect(replies[0]).toContain('評価シートを送れませんでした');
    expect(app.lines.some((l) => l.includes('"code":"export_upload_failed"'))).toBe(true);
  });
});
