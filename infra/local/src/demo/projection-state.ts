import { openDatabase } from '@ferry/persistence';
import type { Snapshot } from './burst';

export interface StoredLevel {
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
  readonly version: number;
}

/** Reads the projection rows of the given `sku@location` keys. */
export async function readStoredLevels(
  databaseUrl: string,
  keys: readonly string[],
): Promise<Map<string, StoredLevel>> {
  const db = openDatabase({ url: databaseUrl, applicationName: 'ferry-demo' });
  try {
    const { rows } = await db.query<{
      key: string;
      on_hand: string;
      reserved: string;
      available: string;
      source_version: string;
    }>(
      `SELECT sku || '@' || location AS key, on_hand, reserved, available, source_version
       FROM inventory_levels WHERE sku || '@' || location = ANY($1::text[])`,
      [keys],
    );
    return new Map(
      rows.map((r) => [
        r.key,
        {
          onHand: Number(r.on_hand),
          reserved: Number(r.reserved),
          available: Number(r.available),
          version: Number(r.source_version),
        },
      ]),
    );
  } finally {
    await db.close();
  }
}

/** Keys whose stored row differs from the oracle (missing, other version or other quantity). */
export function mismatches(
  expected: ReadonlyMap<string, Snapshot>,
  stored: ReadonlyMap<string, StoredLevel>,
): string[] {
  return [...expected].flatMap(([key, want]) => {
    const got = stored.get(key);
    const same =
      got?.version === want.version && got.onHand === want.onHand && got.reserved === want.reserved;
    return same ? [] : [key];
  });
}
