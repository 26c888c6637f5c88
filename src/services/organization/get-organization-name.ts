import type { Db } from '../../db/client.js';

/** The setting that holds the organisation's name (板橋区), set by the import file's organization_name. */
export const ORGANIZATION_NAME_KEY = 'organization_name';

/** The organisation's name, or null when the import file gave none. */
export async function getOrganizationName(db: Db): Promise<string | null> {
  const row = await db.setting.findUnique({ where: { key: ORGANIZATION_NAME_KEY }, select: { value: true } });
  return row?.value.trim() ? row.value : null;
}
