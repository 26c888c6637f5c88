import fc from 'fast-check';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { plain } from '../../src/blocks/plain.js';
import { buildProgressChannelPost } from '../../src/blocks/progress-receipt.js';
import { cleanComment, cleanText, hasControlCharacters, isBlankText } from '../../src/domain/clean-text.js';
import { escapeMrkdwn } from '../../src/domain/mrkdwn.js';
import { parseProgressSubmission } from '../../src/domain/progress-submission.js';
import { evaluationSheetCsv } from '../../src/export/csv.js';
import { evaluationSheetXlsx } from '../../src/export/xlsx.js';
import { validateOrganization } from '../../src/import/validate-organization.js';
import { SAMPLE_ROWS } from '../export/sample-rows.js';

const SHEET_TITLE = { organization: '板橋区', fiscalYear: 2026, asOf: '2026-12-05' };

/** What must never reach Slack or an export: C0/C1 controls other than newline and tab, bidi controls, lone surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is checked.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;
const BIDI = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
];

describe('cleanText', () => {
  it('removes C0 and C1 controls, DEL and bidi controls; keeps newline and tab in multi-line text', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg')).toBe('abcdefg');
    expect(cleanText(`x${BIDI.join('')}y`)).toBe('xy');
    expect(cleanText('\u202Egnp.exe')).toBe('gnp.exe');
    expect(cleanText('a\r\nb\rc\td\n', { multiline: true })).toBe('a\nb\nc\td\n');
    expect(cleanText('a\nb\tc')).toBe('abc');
    expect(cleanText('\ud800x')).toBe('\ufffdx');
  });

  it('leaves ordinary text, emoji joiners and Japanese alone (same string, no copy needed)', () => {
    for (const text of ['進捗は順調です。', '👨‍👩‍👧‍👦', 'e\u0301', 'SK-1 達成率 85%', 'عربى']) {
      expect(cleanText(text, { multiline: true })).toBe(text);
    }
  });

  it('leaves nothing unsafe, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.boolean(), (text, multiline) => {
        expect(cleanText(text, { multiline })).not.toMatch(UNSAFE);
        expect(cleanText(cleanText(text, { multiline }), { multiline })).toBe(cleanText(text, { multiline }));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports control characters for validation that refuses them', () => {
    expect(hasControlCharacters('a\nb', { multiline: true })).toBe(false);
    expect(hasControlCharacters('a\nb')).toBe(true);
    expect(hasControlCharacters('a\u0085b', { multiline: true })).toBe(true);
    expect(hasControlCharacters('ok')).toBe(false);
  });
});

describe('blank text', () => {
  it('is empty once invisible characters and spaces are removed', () => {
    for (const text of [
      '',
      ' ',
      '\u200B',
      '\u200C\u200D',
      '\uFEFF',
      '\u2060',
      '\u00AD',
      '\u3000\u200B\n\t',
      '\u202E',
      '\u3164',
    ]) {
      expect(isBlankText(text), JSON.stringify(text)).toBe(true);
      expect(cleanComment(text)).toBeNull();
    }
    for (const text of ['a', '👍', '\u200Bx', '。']) expect(isBlankText(text), text).toBe(false);
    expect(cleanComment(' \u202E了解\u202C ')).toBe('了解');
  });
});

describe('everything shown in Slack or exported is cleaned', () => {
  const hostile = '\u202Eevil\u202C\u0007<!here>\u2066x\u2069';

  it('progress comments are stored cleaned; a comment of a zero-width space is none', () => {
    const submit = (comment: string) =>
      parseProgressSubmission({
        target: { progress_target: { selected_option: { value: '1' } } },
        status: { status: { selected_option: { value: 'on_track' } } },
        comment: { comment: { value: comment } },
      });
    expect(submit(hostile)).toMatchObject({ ok: true, submission: { comment: 'evil<!here>x' } });
    expect(submit('\u200B')).toMatchObject({ ok: true, submission: { comment: null } });
    expect(submit('a\u0085\u009B\u200Fb\r\nc')).toMatchObject({ ok: true, submission: { comment: 'ab\nc' } });
  });

  it('mrkdwn, plain text and channel posts carry no control or bidi characters', () => {
    expect(escapeMrkdwn(hostile)).toBe('evil&lt;!here&gt;x');
    expect(plain(hostile, 100).text).toBe('evil<!here>x');
    const post = buildProgressChannelPost({
      locale: 'ja',
      reporterId: 'USTAFF001',
      // Titles and comments stored before cleaning existed are cleaned on the way out.
      target: { code: 'SK-1', title: `\u202E${'題名'}\u0000`, indicatorUnit: '\u2067%' },
      status: 'on_track',
      value: 5,
      percent: null,
      comment: hostile,
      milestones: ['\u202Dmilestone'],
    });
    expect(JSON.stringify(post)).not.toMatch(/\\u00|\\u20[26]|\u202E|\u2066|\u2067|\u202D/);
    expect(JSON.stringify(post)).toContain('題名');
  });

  it('evaluation sheet cells, CSV and XLSX, carry no control or bidi characters', async () => {
    const base = SAMPLE_ROWS[0];
    if (!base) throw new Error('fixture');
    const rows = [
      {
        ...base,
        title: `\u202E${base.title}`,
        selfComment: `${hostile}\n二行目`,
        department: '\u2066政策経営部\u2069',
      },
    ];
    const csv = evaluationSheetCsv(rows, { locale: 'ja' }).toString('utf8');
    // CRLF ends the CSV's records.
    expect(csv.replace(/\r\n/g, '\n')).not.toMatch(UNSAFE);
    expect(csv).toContain('evil<!here>x\n二行目');
    const sheets = await readXlsxFile(await evaluationSheetXlsx(rows, { locale: 'ja' }, SHEET_TITLE));
    const cells = (sheets[0]?.data ?? []).flat().filter((c): c is string => typeof c === 'string');
    for (const cell of cells) expect(cell).not.toMatch(UNSAFE);
    expect(cells).toContain('政策経営部');
    expect(cells).toContain(base.title);
  });

  it('imported titles and names lose bidi controls; a title of invisible characters is empty', () => {
    const organization = (title: string, name: string) => ({
      fiscal_year: 2026,
      leadership_channel: 'C0LEAD0001',
      departments: [
        {
          code: 'seisaku',
          name,
          members: ['U0SEISAK01'],
          targets: [{ code: 'SK-1', category: '施策', title }],
        },
      ],
    });
    const result = validateOrganization(organization('\u202E区公式LINEの開設\u202C', '政策\u2067経営部'));
    expect(result.errors).toEqual([]);
    expect(result.organization?.departments[0]?.name).toBe('政策経営部');
    expect(result.organization?.departments[0]?.targets[0]?.title).toBe('区公式LINEの開設');
    const blank = validateOrganization(organization('\u200B\u200B', '政策経営部'));
    expect(blank.errors.map((e) => e.message)).toEqual(['must not be empty']);
  });
});
