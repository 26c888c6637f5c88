import { ensureTemplate, PROVIDERS } from './databases.js';

/**
 * Vitest global setup: migrates the template databases once, before any test file runs, so that
 * every createTestDatabase copies a template instead of migrating (and no two workers race to
 * make it).
 */
export default async function setup(): Promise<void> {
  for (const provider of PROVIDERS) await ensureTemplate(provider);
}
