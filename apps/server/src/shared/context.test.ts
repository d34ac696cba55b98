import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testInfra, type TestContext } from '../../test/harness.ts';
import { queryRows } from '../infra/db/db.ts';
import { systemCtx, withTx } from './context.ts';

describe('use-case context and withTx', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await testInfra();
    await t.infra.database.db.execute(sql`create table ctx_probe (id int primary key)`);
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async () => (await queryRows<{ n: number }>(t.infra.database.db, sql`select count(*)::int as n from ctx_probe`))[0]!.n;

  it('commits everything a use case wrote, including nested use cases that joined its transaction', async () => {
    const ctx = systemCtx(t.infra, 'test');
    await withTx(ctx, async (tx) => {
      expect(tx.inTx).toBe(true);
      await tx.db.execute(sql`insert into ctx_probe values (1)`);
      await withTx(tx, async (inner) => {
        expect(inner.db).toBe(tx.db);
        await inner.db.execute(sql`insert into ctx_probe values (2)`);
      });
    });
    expect(await count()).toBe(2);
  });

  it('rolls back everything when any part throws', async () => {
    const ctx = systemCtx(t.infra);
    await expect(
      withTx(ctx, async (tx) => {
        await tx.db.execute(sql`insert into ctx_probe values (3)`);
        await withTx(tx, async () => {
          throw new Error('coupon already used');
        });
      }),
    ).rejects.toThrow('coupon already used');
    expect(await count()).toBe(2);
  });

  it('gives the whole use case one "now" from the injected clock', () => {
    const ctx = systemCtx(t.infra, 'order.timeout');
    expect(ctx.now).toBeInstanceOf(Date);
    expect(ctx.actor).toEqual({ kind: 'system', job: 'order.timeout' });
  });
});
