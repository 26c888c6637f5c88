import type { BufferedIncomingMessage } from '@slack/bolt';
import { HTTPModuleFunctions } from '@slack/bolt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsesOnlyToObject } from '../../src/slack/body-shape.js';
import { loadFixture } from '../helpers/slack-driver.js';

const FORM = 'application/x-www-form-urlencoded';

/** What Bolt's parser makes of a body: 'object', 'other' (null, array, primitive) or 'throws'. */
function boltShape(body: string, contentType: string | undefined): 'object' | 'other' | 'throws' {
  const req = {
    rawBody: Buffer.from(body),
    headers: { 'content-type': contentType },
  } as unknown as BufferedIncomingMessage;
  try {
    const parsed: unknown = HTTPModuleFunctions.parseHTTPRequestBody(req);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? 'object' : 'other';
  } catch {
    return 'throws';
  }
}

describe('parsesOnlyToObject', () => {
  it('needs no parse for the bodies Slack sends', () => {
    const command = loadFixture<{ fields: Record<string, string> }>('slash_command.docs_example.json').fields;
    expect(parsesOnlyToObject(new URLSearchParams(command).toString(), FORM)).toBe(true);
    const payload = JSON.stringify({ type: 'view_submission', view: { state: { values: {} } } });
    expect(parsesOnlyToObject(`payload=${encodeURIComponent(payload)}`, FORM)).toBe(true);
    expect(parsesOnlyToObject(JSON.stringify({ type: 'event_callback', event: {} }), 'application/json')).toBe(true);
  });

  it('asks for a parse where the shape is not certain', () => {
    for (const [body, type] of [
      ['payload=null', FORM],
      ['p%61yload=null', FORM],
      ['a=1&payload=%5B%5D', FORM],
      [`payload=${encodeURIComponent('{}')}&payload=null`, FORM],
      ['payload=+%7B%7D', FORM],
      ['null', 'application/json'],
      ['[{}]', 'application/json'],
      [`payload=${encodeURIComponent('{}')}`, `${FORM}; charset=utf-8`],
      ['', 'application/json'],
    ] as const) {
      expect(parsesOnlyToObject(body, type), body).toBe(false);
    }
  });

  it('never says "object" of a body Bolt parses to anything else', () => {
    const formField = fc.oneof(
      fc.constantFrom('payload', 'p%61yload', 'pay+load', 'command', 'text', ''),
      fc.string({ maxLength: 8 }),
    );
    const formValue = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).map((v) => encodeURIComponent(JSON.stringify(v))),
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 20 }),
    );
    const form = fc
      .array(fc.tuple(formField, fc.option(formValue, { nil: undefined })), { maxLength: 4 })
      .map((fields) => fields.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&'));
    const json = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 30 }),
      fc.jsonValue({ maxDepth: 2 }).map((v) => ` \n\t${JSON.stringify(v)}`),
    );
    const request = fc.oneof(
      form.map((body) => ({ body, type: FORM as string | undefined })),
      json.map((body) => ({ body, type: 'application/json' as string | undefined })),
      fc
        .tuple(fc.oneof(form, json), fc.constantFrom(undefined, 'text/plain', `${FORM}; charset=utf-8`))
        .map(([body, type]) => ({ body, type })),
    );
    fc.assert(
      fc.property(request, ({ body, type }) => {
        if (parsesOnlyToObject(body, type)) expect(boltShape(body, type)).not.toBe('other');
      }),
      { numRuns: 5000 },
    );
  });
});
