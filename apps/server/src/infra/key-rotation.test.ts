import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/harness.ts';
import { encryptedColumns } from '../modules/index.ts';
import { FieldCipher, generateKey, parseKeyring } from './crypto.ts';
import { queryRows, type Database } from './db/db.ts';
import { newId } from './ids.ts';
import { rotateEncryptedColumns, type RotationProgress } from './key-rotation.ts';

describe('data-key rotation', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const k1 = generateKey();
  const k2 = generateKey();
  const old = new FieldCipher(parseKeyring(`k1:${k1}`, 'k1'));
  const next = new FieldCipher(parseKeyring(`k1:${k1},k2:${k2}`, 'k2'));

  beforeAll(async () => {
    ({ database, drop } = await testDatabase());
    const now = new Date();
    for (let i = 0; i < 7; i += 1) {
      const id = newId();
      const phone = `1380000000${i}`;
      await database.db.execute(
        sql`insert into customers (id, nickname, phone_enc, created_at, updated_at) values (${id}, ${'用户' + i}, ${old.encrypt(phone, 'customers.phone')}, ${now}, ${now})`,
      );
      await database.db.execute(sql`insert into customer_addresses (id, customer_id, recipient_enc, phone_enc, province_code, city_code, district_code, detail_enc, created_at, updated_at)
        values (${newId()}, ${id}, ${old.encrypt('收件人' + i, 'customer_addresses.recipient')}, ${old.encrypt(phone, 'customer_addresses.phone')}, '33', '3301', '330106', ${old.encrypt('文三路 ' + i + ' 号', 'customer_addresses.detail')}, ${now}, ${now})`);
    }
    // one shopper without a phone: nothing to rotate there
    await database.db.execute(sql`insert into customers (id, nickname, created_at, updated_at) values (${newId()}, '无手机', ${now}, ${now})`);
  });
  afterAll(async () => {
    await drop();
  });

  it('re-encrypts every personal-data column under the new key, in batches, with progress', async () => {
    const progress: RotationProgress[] = [];
    const result = await rotateEncryptedColumns(database.db, next, encryptedColumns, { batchSize: 3, onProgress: (p) => progress.push(p) });
    expect(result).toEqual({
      'customers.phone_enc': 7,
      'customer_addresses.recipient_enc': 7,
      'customer_addresses.phone_enc': 7,
      'customer_addresses.detail_enc': 7,
    });
    expect(progress.filter((p) => p.column === 'customers.phone_enc').map((p) => p.done)).toEqual([0, 3, 6, 7]);
    const phones = await queryRows<{ phone_enc: string }>(database.db, sql`select phone_enc from customers where phone_enc is not null order by id`);
    expect(phones.every((r) => next.keyIdOf(r.phone_enc) === 'k2')).toBe(true);
    expect(phones.map((r) => next.decrypt(r.phone_enc, 'customers.phone'))).toEqual(Array.from({ length: 7 }, (_, i) => `1380000000${i}`));
    const details = await queryRows<{ detail_enc: string }>(database.db, sql`select detail_enc from customer_addresses order by id`);
    expect(details.map((r) => next.decrypt(r.detail_enc, 'customer_addresses.detail'))).toContain('文三路 3 号');
  });

  it('finds nothing left to do on a second run', async () => {
    const again = await rotateEncryptedColumns(database.db, next, encryptedColumns);
    expect(Object.values(again)).toEqual([0, 0, 0, 0]);
  });
});
