import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/db.ts';
import { customers } from './identity.schema.ts';

export type CustomerRow = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;

type UniqueColumn = 'wechatOpenid' | 'alipayUserId' | 'phoneBidx' | 'demoDeviceId';

export async function findCustomerById(db: Db, id: string): Promise<CustomerRow | undefined> {
  const [row] = await db.select().from(customers).where(eq(customers.id, id)).limit(1);
  return row;
}

export async function findCustomerBy(db: Db, column: UniqueColumn | 'wechatUnionid', value: string): Promise<CustomerRow | undefined> {
  const [row] = await db.select().from(customers).where(eq(customers[column], value)).limit(1);
  return row;
}

/**
 * Find-or-create on a unique login key in one statement: concurrent first logins with the same key
 * create exactly one customer (the loser of the race updates the winner's row). `inserted` is from xmax.
 */
export async function upsertCustomerBy(
  db: Db,
  column: UniqueColumn,
  values: NewCustomer,
  onExisting: Partial<NewCustomer>,
): Promise<{ row: CustomerRow; inserted: boolean }> {
  const [result] = await db
    .insert(customers)
    .values(values)
    .onConflictDoUpdate({ target: customers[column], set: onExisting })
    .returning({ id: customers.id, inserted: sql<boolean>`(xmax = 0)` });
  const row = await findCustomerById(db, result!.id);
  return { row: row!, inserted: Boolean(result!.inserted) };
}

export async function updateCustomer(db: Db, id: string, values: Partial<NewCustomer>): Promise<CustomerRow> {
  const [row] = await db.update(customers).set(values).where(eq(customers.id, id)).returning();
  return row!;
}
