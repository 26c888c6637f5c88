import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const schemaPath = join(root, 'tests', 'fixtures', 'slack', 'manifest-schema', 'manifest.schema.1.0.0.json');
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as {
  features: { slash_commands: { command: string }[]; app_home: { home_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    socket_mode_enabled: boolean;
    interactivity: { is_enabled: boolean };
    event_subscriptions: { bot_events: string[] };
  };
};

function validator() {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe('manifest.yml', () => {
  it("validates against Slack's manifest schema 1.0.0", () => {
    const validate = validator();
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is rejected by the schema when it is wrong (the check can fail)', () => {
    const validate = validator();
    expect(validate({ ...manifest, display_information: { name: '' }, unknown_key: true })).toBe(false);
  });

  it('declares the commands, scopes, interactivity, Home tab and Socket Mode the bot uses', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/progress', '/targets', '/tracker']);
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'users:read', 'users:read.email', 'files:write', 'im:write']),
    );
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
