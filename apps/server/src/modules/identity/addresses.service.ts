import type { Address, AddressInput } from '@minimall/contracts';
import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import { normalizeCnPhone } from '../../infra/crypto.ts';
import { newId } from '../../infra/ids.ts';
import { withTx, type Ctx } from '../../shared/context.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import { customerAddresses, customers } from './identity.schema.ts';
import { chainOfDistrict } from './regions/regions.ts';

const MAX_ADDRESSES = 20;
type Row = typeof customerAddresses.$inferSelect;

const field = {
  recipient: 'customer_addresses.recipient',
  phone: 'customer_addresses.phone',
  detail: 'customer_addresses.detail',
};

function toAddress(ctx: Ctx, row: Row): Address {
  const chain = chainOfDistrict(row.districtCode);
  const { cipher } = ctx.infra;
  return {
    id: row.id,
    recipient: cipher.decrypt(row.recipientEnc, field.recipient),
    phone: cipher.decrypt(row.phoneEnc, field.phone),
    provinceCode: row.provinceCode,
    cityCode: row.cityCode,
    districtCode: row.districtCode,
    province: chain?.province.name ?? '',
    city: chain?.city.name ?? '',
    district: chain?.district.name ?? '',
    detail: cipher.decrypt(row.detailEnc, field.detail),
    tag: row.tag,
    isDefault: row.isDefault,
  };
}

function columns(ctx: Ctx, input: AddressInput) {
  const chain = chainOfDistrict(input.districtCode);
  if (!chain) {
    throw new DomainError('REGION_INVALID', '所在地区无效，请重新选择', 400, { fields: [{ in: 'body', path: 'districtCode', message: '所在地区无效' }] });
  }
  const { cipher } = ctx.infra;
  return {
    recipientEnc: cipher.encrypt(input.recipient.trim(), field.recipient),
    phoneEnc: cipher.encrypt(normalizeCnPhone(input.phone), field.phone),
    provinceCode: chain.province.code,
    cityCode: chain.city.code,
    districtCode: chain.district.code,
    detailEnc: cipher.encrypt(input.detail.trim(), field.detail),
    tag: input.tag?.trim() || null,
  };
}

/** Someone else's address is reported as missing, never as forbidden: ids reveal nothing. */
async function ownRow(ctx: Ctx, customerId: string, id: string): Promise<Row> {
  const [row] = await ctx.db
    .select()
    .from(customerAddresses)
    .where(and(eq(customerAddresses.id, id), eq(customerAddresses.customerId, customerId)))
    .limit(1)
    .for('update');
  if (!row) throw notFound('地址');
  return row;
}

async function clearDefault(ctx: Ctx, customerId: string, except?: string): Promise<void> {
  const mine = eq(customerAddresses.customerId, customerId);
  await ctx.db
    .update(customerAddresses)
    .set({ isDefault: false })
    .where(except ? and(mine, eq(customerAddresses.isDefault, true), ne(customerAddresses.id, except)) : and(mine, eq(customerAddresses.isDefault, true)));
}

export async function listAddresses(ctx: Ctx, customerId: string): Promise<Address[]> {
  const rows = await ctx.db
    .select()
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId))
    .orderBy(desc(customerAddresses.isDefault), desc(customerAddresses.updatedAt));
  return rows.map((r) => toAddress(ctx, r));
}

export function createAddress(ctx: Ctx, customerId: string, input: AddressInput): Promise<Address> {
  const values = columns(ctx, input);
  return withTx(ctx, async (tx) => {
    // lock the shopper's row: concurrent creates then see each other, so the limit and "first is default" hold
    await tx.db.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for('update');
    const [{ n }] = (await tx.db.select({ n: count() }).from(customerAddresses).where(eq(customerAddresses.customerId, customerId))) as [{ n: number }];
    if (n >= MAX_ADDRESSES) throw new DomainError('ADDRESS_LIMIT_REACHED', `最多保存 ${MAX_ADDRESSES} 个地址`, 409);
    const isDefault = input.isDefault === true || n === 0;
    if (isDefault) await clearDefault(tx, customerId);
    const [row] = await tx.db
      .insert(customerAddresses)
      .values({ id: newId(), customerId, ...values, isDefault, createdAt: tx.now, updatedAt: tx.now })
      .returning();
    return toAddress(tx, row!);
  });
}

export function updateAddress(ctx: Ctx, customerId: string, id: string, input: AddressInput): Promise<Address> {
  const values = columns(ctx, input);
  return withTx(ctx, async (tx) => {
    const current = await ownRow(tx, customerId, id);
    const isDefault = input.isDefault ?? current.isDefault;
    if (isDefault && !current.isDefault) await clearDefault(tx, customerId, id);
    const [row] = await tx.db.update(customerAddresses).set({ ...values, isDefault, updatedAt: tx.now }).where(eq(customerAddresses.id, id)).returning();
    return toAddress(tx, row!);
  });
}

export function setDefaultAddress(ctx: Ctx, customerId: string, id: string): Promise<Address> {
  return withTx(ctx, async (tx) => {
    await ownRow(tx, customerId, id);
    await clearDefault(tx, customerId, id);
    const [row] = await tx.db.update(customerAddresses).set({ isDefault: true, updatedAt: tx.now }).where(eq(customerAddresses.id, id)).returning();
    return toAddress(tx, row!);
  });
}

export function deleteAddress(ctx: Ctx, customerId: string, id: string): Promise<void> {
  return withTx(ctx, async (tx) => {
    const row = await ownRow(tx, customerId, id);
    await tx.db.delete(customerAddresses).where(eq(customerAddresses.id, id));
    if (row.isDefault) {
      const [next] = await tx.db
        .select({ id: customerAddresses.id })
        .from(customerAddresses)
        .where(eq(customerAddresses.customerId, customerId))
        .orderBy(desc(customerAddresses.updatedAt), asc(customerAddresses.id))
        .limit(1);
      if (next) await tx.db.update(customerAddresses).set({ isDefault: true }).where(eq(customerAddresses.id, next.id));
    }
  });
}
