import { readFileSync } from 'node:fs';
import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseOrganizationYaml } from '../../../src/import/parse-yaml.js';
import { withSlackIds } from '../../../src/import/person-reference.js';
import { importOrganization } from '../../../src/services/organization/import-organization.js';
import { resolveEmailAddresses } from '../../../src/services/people/resolve-email-addresses.js';
import { lookupUserByEmail } from '../../../src/slack/lookup-user-by-email.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../../helpers/databases.js';
import { EMAIL_YAML } from '../../import/samples.js';

const client = new WebClient('xoxb-test', { retryConfig: { retries: 0 } });

/** Answers users.lookupByEmail like Slack for the given people, recording the addresses asked. */
function slackKnows(people: Record<string, string>, asked: string[]) {
  return nock('https://slack.com')
    .persist()
    .post('/api/users.lookupByEmail')
    .reply(200, (_uri, body) => {
      const email = String(new URLSearchParams(String(body)).get('email'));
      asked.push(email);
      const id = people[email];
      return id
        ? { ok: true, user: { id, real_name: `名前 ${id}`, profile: { display_name: '' } } }
        : { ok: false, error: 'users_not_found' };
    });
}

describe.each(PROVIDERS)('resolveEmailAddresses on %s', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.destroy());
  beforeEach(async () => {
    await database.db.slackUser.deleteMany();
  });

  it('asks Slack once per address not yet known, and names those it does not know', async () => {
    const asked: string[] = [];
    slackKnows({ 'a@example.jp': 'U0AAAAAAA1', 'b@example.jp': 'U0BBBBBBB1' }, asked);
    const connects: number[] = [];
    const deps = {
      db: database.db,
      connect: (n: number) => {
        connects.push(n);
        return lookupUserByEmail(client);
      },
    };
    const result = await resolveEmailAddresses(deps, ['a@example.jp', 'b@example.jp', 'x@example.jp', 'a@example.jp']);
    expect(connects).toEqual([3]);
    expect(asked.sort()).toEqual(['a@example.jp', 'b@example.jp', 'x@example.jp']);
    expect(result.known).toBe(0);
    expect(result.unknown).toEqual(['x@example.jp']);
    expect(result.found).toEqual([
      { address: 'a@example.jp', slackUserId: 'U0AAAAAAA1', displayName: '名前 U0AAAAAAA1' },
      { address: 'b@example.jp', slackUserId: 'U0BBBBBBB1', displayName: '名前 U0BBBBBBB1' },
    ]);
    // Resolution only reads: nothing is stored until an import writes it.
    expect(await database.db.slackUser.count()).toBe(0);
  });

  it('resolves addresses a previous import stored without connecting to Slack', async () => {
    await database.db.slackUser.create({ data: { id: 'U0AAAAAAA1', email: 'a@example.jp' } });
    const connect = () => {
      throw new Error('Slack must not be needed');
    };
    // No interceptor: any Web API call would fail (nock refuses the network).
    const result = await resolveEmailAddresses({ db: database.db, connect }, ['a@example.jp']);
    expect(result).toEqual({ ids: new Map([['a@example.jp', 'U0AAAAAAA1']]), known: 1, found: [], unknown: [] });
  });

  it('fails on a Slack error other than users_not_found (a missing scope), naming it', async () => {
    nock('https://slack.com')
      .post('/api/users.lookupByEmail')
      .reply(200, { ok: false, error: 'missing_scope', needed: 'users:read.email' });
    const deps = { db: database.db, connect: () => lookupUserByEmail(client) };
    await expect(resolveEmailAddresses(deps, ['a@example.jp'])).rejects.toThrow(/missing_scope/);
  });

  it('an import stores the addresses Slack resolved (moving one that changed hands), and refuses unresolved people', async () => {
    const parsed = parseOrganizationYaml(readFileSync(EMAIL_YAML, 'utf8'));
    if (!parsed.ok) throw new Error('the e-mail example must be valid');
    const org = parsed.organization;
    const now = new Date('2026-04-01T00:00:00Z');
    await expect(importOrganization(database.db, org, { now })).rejects.toThrow(/by e-mail address \(11\)/);
    // An earlier import gave kikaku.sato's address to another id (the account was replaced since).
    await database.db.slackUser.create({ data: { id: 'U0OLDSATO1', email: 'kikaku.sato@example.jp' } });
    const addresses = [...new Set(parsed.emails.map((e) => e.address))];
    const people = addresses.map((address, i) => ({
      address,
      slackUserId: `U0PERSON0${i + 1}`,
      displayName: `職員${i + 1}`,
    }));
    const ids = new Map(people.map((p) => [p.address, p.slackUserId]));
    await importOrganization(database.db, withSlackIds(org, ids), { now, people });
    const users = await database.db.slackUser.findMany({ orderBy: { id: 'asc' } });
    expect(users.map((u) => [u.id, u.email, u.displayName, u.displayNameFetchedAt?.toISOString() ?? null])).toEqual([
      ['U0OLDSATO1', null, null, null],
      ...people.map((p) => [p.slackUserId, p.address, p.displayName, now.toISOString()]),
    ]);
    expect(await database.db.departmentPerson.count()).toBe(6);
  });
});
