import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { importWorkbookXlsx } from '../../src/import/import-workbook.js';
import type { Organization } from '../../src/import/organization.js';
import { organizationToCsv, organizationToRecords } from '../../src/import/organization-to-csv.js';
import { parseOrganizationCsv } from '../../src/import/parse-csv.js';
import { parseOrganizationXlsx } from '../../src/import/parse-xlsx.js';
import { parseOrganizationYaml } from '../../src/import/parse-yaml.js';
import { emailAddressOf, listEmailReferences, withSlackIds } from '../../src/import/person-reference.js';
import { parseOrganizationBytes } from '../../src/import/read-organization-file.js';
import { EMAIL_CSV, EMAIL_YAML, problemLines, SMALL_YAML } from './samples.js';

function parsedYaml(text: string) {
  const result = parseOrganizationYaml(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

/** SMALL_YAML with some people named by e-mail address instead of their ids. */
const MIXED_YAML = SMALL_YAML.replace('hq_users: [U0HQ000001]', 'hq_users: [HQ.Sato@Example.JP]')
  .replace('members: [U0SEISAK01, U0SEISAK02]', 'members: [suzuki@example.jp, U0SEISAK02]')
  .replace('owner: U0SEISAK01', 'owner: Suzuki＠example.jp');

describe('people by e-mail address', () => {
  it('accepts addresses in hq_users, managers, members and owner (YAML), in their normal form', () => {
    const result = parsedYaml(MIXED_YAML);
    expect(result.organization.hqUsers).toEqual(['hq.sato@example.jp']);
    expect(result.organization.departments[0]?.members).toEqual(['suzuki@example.jp', 'U0SEISAK02']);
    expect(result.organization.departments[0]?.targets[0]?.ownerId).toBe('suzuki@example.jp');
    // The owner is a member: a full-width ＠ and upper case name the same address, so no warning.
    expect(result.warnings).toEqual([]);
    expect(result.emails).toEqual([
      { address: 'hq.sato@example.jp', location: 'hq_users[0] (line 3)' },
      { address: 'suzuki@example.jp', location: 'departments[0].members[0] (line 14)' },
      { address: 'suzuki@example.jp', location: 'departments[0].targets[0].owner (line 22)' },
    ]);
  });

  it('reads the e-mail example: every person by address, with the path of each', () => {
    const result = parsedYaml(readFileSync(EMAIL_YAML, 'utf8'));
    expect(result.warnings).toEqual([]);
    expect(new Set(result.emails.map((e) => e.address)).size).toBe(6);
    expect(result.emails.every((e) => e.address.endsWith('@example.jp'))).toBe(true);
    expect(result.emails.map((e) => e.location)).toContain('departments[1].members[0] (line 55)');
  });

  it('keeps the e-mail example CSV (Japanese headers) in sync with the YAML', () => {
    const org = parsedYaml(readFileSync(EMAIL_YAML, 'utf8')).organization;
    const bytes = readFileSync(EMAIL_CSV);
    expect(bytes.toString('utf8')).toBe(organizationToCsv(org, { headers: 'ja', bom: true }));
    const parsed = parseOrganizationBytes(bytes, 'csv');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.organization).toEqual(org);
    expect(parsed.emails).toContainEqual({ address: 'fukushi.ito@example.jp', location: 'row 4, column 職員, item 1' });
  });

  it('still refuses text that is neither an id nor an address, and a person listed twice', () => {
    const bad = SMALL_YAML.replace('managers: [U0SEISAKM1]', 'managers: [someone, A@example.jp, a@EXAMPLE.jp]');
    expect(problemLines(parseOrganizationYaml(bad))).toEqual([
      'departments[0].managers[0] (line 13): "someone" is not a Slack user id (U… or W…, e.g. U0123ABCD) or an e-mail address',
      'departments[0].managers[2] (line 13): duplicate manager "a@example.jp" (first at departments[0].managers[1], line 13)',
    ]);
    expect(emailAddressOf('taro@example')).toBeUndefined();
    expect(emailAddressOf(`${'a'.repeat(250)}@example.jp`)).toBeUndefined();
  });

  it('locates addresses in a CSV by row, column and item', () => {
    const org = parsedYaml(MIXED_YAML).organization;
    const result = parseOrganizationCsv(stringify(organizationToRecords(org)));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.organization).toEqual(org);
    expect(result.emails).toEqual([
      { address: 'hq.sato@example.jp', location: 'row 2, column hq_users, item 1' },
      { address: 'suzuki@example.jp', location: 'row 2, column department_members, item 1' },
      { address: 'suzuki@example.jp', location: 'row 2, column owner' },
    ]);
  });

  it('locates addresses in an XLSX workbook by row, column and item (Japanese headers)', async () => {
    const org = parsedYaml(readFileSync(EMAIL_YAML, 'utf8')).organization;
    const result = await parseOrganizationXlsx(await importWorkbookXlsx(organizationToRecords(org).slice(1)));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.organization).toEqual(org);
    expect(result.emails).toContainEqual({
      address: 'fukushi.watanabe@example.jp',
      location: 'row 4, column 職員, item 2',
    });
    expect(result.emails).toContainEqual({ address: 'fukushi.watanabe@example.jp', location: 'row 5, column 担当者' });
  });

  it('replaces addresses by ids, a person named twice in one list kept once', () => {
    const org: Organization = parsedYaml(
      MIXED_YAML.replace('members: [suzuki@example.jp, U0SEISAK02]', 'members: [suzuki@example.jp, U0SEISAK01]'),
    ).organization;
    const ids = new Map([
      ['hq.sato@example.jp', 'U0HQ000001'],
      ['suzuki@example.jp', 'U0SEISAK01'],
    ]);
    const resolved = withSlackIds(org, ids);
    expect(resolved.hqUsers).toEqual(['U0HQ000001']);
    expect(resolved.departments[0]?.members).toEqual(['U0SEISAK01']);
    expect(resolved.departments[0]?.targets[0]?.ownerId).toBe('U0SEISAK01');
    expect(listEmailReferences(resolved)).toEqual([]);
    expect(() => withSlackIds(org, new Map())).toThrow(/not resolved: hq.sato@example.jp/);
  });
});
