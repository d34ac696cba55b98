import { sql } from 'drizzle-orm';
import type { FieldCipher } from './crypto.ts';
import { queryRows, type Db } from './db/db.ts';

/** A column holding FieldCipher envelopes, and the AAD context it was encrypted with. */
export interface EncryptedColumn {
  table: string;
  column: string;
  context: string;
}

export interface RotationProgress {
  column: string;
  done: number;
  total: number;
}

/**
 * Re-encrypts every value not yet under the current data key, in batches, so a key can be retired.
 * Each row is rewritten only if it still holds the value read (a concurrent edit wins). Idempotent:
 * a second run finds nothing to do.
 */
export async function rotateEncryptedColumns(
  db: Db,
  cipher: FieldCipher,
  columns: EncryptedColumn[],
  options: { batchSize?: number; onProgress?: (p: RotationProgress) => void } = {},
): Promise<Record<string, number>> {
  const batchSize = options.batchSize ?? 500;
  const current = `enc:v1:${cipher.currentKeyId}:%`;
  const rotated: Record<string, number> = {};
  for (const { table, column, context } of columns) {
    const name = `${table}.${column}`;
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    const stale = sql`${c} is not null and ${c} not like ${current}`;
    const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${t} where ${stale}`);
    let done = 0;
    options.onProgress?.({ column: name, done, total });
    let lastId = '';
    for (;;) {
      const rows = await queryRows<{ id: string; value: string }>(
        db,
        sql`select id::text as id, ${c} as value from ${t} where ${stale} and id::text > ${lastId} order by id::text limit ${batchSize}`,
      );
      if (!rows.length) break;
      await db.transaction(async (tx) => {
        for (const row of rows) {
          const next = cipher.rotate(row.value, context);
          await tx.execute(sql`update ${t} set ${c} = ${next} where id::text = ${row.id} and ${c} = ${row.value}`);
        }
      });
      done += rows.length;
      lastId = rows.at(-1)!.id;
      options.onProgress?.({ column: name, done, total });
    }
    rotated[name] = done;
  }
  return rotated;
}
