import { randomInt } from 'node:crypto';
import type { CustomerProfile } from '@minimall/contracts';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { normalizeCnPhone } from '../../infra/crypto.ts';
import { newId } from '../../infra/ids.ts';
import { SmsUnavailableError } from '../../infra/sms.ts';
import { withTx, type Ctx } from '../../shared/context.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import { countFailure, enforceLimits, isOverLimit } from '../../shared/rate-limit.ts';
import { findCustomerBy, findCustomerById, updateCustomer, upsertCustomerBy, type CustomerRow, type NewCustomer } from './customers.repo.ts';
import { IdentityError } from './identity.errors.ts';
import { smsCodes } from './identity.schema.ts';
import { startSession, type ClientMeta, type Tokens } from './sessions.service.ts';
import { hashSecret } from './tokens.ts';

const PHONE_CONTEXT = 'customers.phone';
const SMS_CODE_TTL_MS = 5 * 60_000;
const SMS_RESEND_AFTER_MS = 60_000;
const SMS_MAX_ATTEMPTS_PER_CODE = 5;

export interface LoginResult {
  tokens: Tokens;
  customer: CustomerProfile;
  isNewCustomer: boolean;
}

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : `${phone.slice(0, 2)}****`;
}

export function toProfile(ctx: Ctx, row: CustomerRow): CustomerProfile {
  return {
    id: row.id,
    nickname: row.nickname,
    avatarUrl: row.avatarUrl,
    gender: row.gender,
    birthday: row.birthday,
    phoneMasked: row.phoneEnc ? maskPhone(ctx.infra.cipher.decrypt(row.phoneEnc, PHONE_CONTEXT)) : null,
    createdAt: row.createdAt.toISOString(),
  };
}

function phoneColumns(ctx: Ctx, phone: string): Pick<NewCustomer, 'phoneEnc' | 'phoneBidx'> {
  const normalized = normalizeCnPhone(phone);
  return { phoneEnc: ctx.infra.cipher.encrypt(normalized, PHONE_CONTEXT), phoneBidx: ctx.infra.blindIndex.index(normalized, PHONE_CONTEXT) };
}

function newCustomer(ctx: Ctx, nickname: string, extra: Partial<NewCustomer>): NewCustomer {
  return { id: newId(), nickname, createdAt: ctx.now, updatedAt: ctx.now, lastLoginAt: ctx.now, ...extra };
}

async function finishLogin(ctx: Ctx, row: CustomerRow, inserted: boolean, meta: ClientMeta): Promise<LoginResult> {
  if (row.status === 'frozen') throw IdentityError.accountFrozen();
  const tokens = await startSession(ctx, { kind: 'customer', id: row.id }, meta);
  return { tokens, customer: toProfile(ctx, row), isNewCustomer: inserted };
}

export async function demoLogin(ctx: Ctx, deviceId: string, meta: ClientMeta): Promise<LoginResult> {
  if (!ctx.infra.config.DEMO_LOGIN || ctx.infra.config.NODE_ENV === 'production') throw IdentityError.loginMethodDisabled('demo');
  const { row, inserted } = await upsertCustomerBy(
    ctx.db,
    'demoDeviceId',
    newCustomer(ctx, `体验用户${deviceId.slice(-4).toUpperCase()}`, { demoDeviceId: deviceId }),
    { lastLoginAt: ctx.now },
  );
  return finishLogin(ctx, row, inserted, meta);
}

/** WeChat one-tap: openid identifies the shopper in this mini-program; unionid links other apps of the brand. */
export async function loginWithWechatIdentity(ctx: Ctx, who: { openid: string; unionid?: string }, meta: ClientMeta): Promise<LoginResult> {
  const result = await withTx(ctx, async (tx) => {
    if (who.unionid) {
      const byUnion = await findCustomerBy(tx.db, 'wechatUnionid', who.unionid);
      if (byUnion && (!byUnion.wechatOpenid || byUnion.wechatOpenid === who.openid)) {
        const row = await updateCustomer(tx.db, byUnion.id, { wechatOpenid: who.openid, lastLoginAt: tx.now, updatedAt: tx.now });
        return { row, inserted: false };
      }
    }
    return upsertCustomerBy(tx.db, 'wechatOpenid', newCustomer(tx, '微信用户', { wechatOpenid: who.openid, wechatUnionid: who.unionid ?? null }), {
      lastLoginAt: tx.now,
      ...(who.unionid ? { wechatUnionid: sql`coalesce(customers.wechat_unionid, ${who.unionid})` as unknown as string } : {}),
    });
  });
  return finishLogin(ctx, result.row, result.inserted, meta);
}

export async function loginWithAlipayIdentity(ctx: Ctx, alipayUserId: string, meta: ClientMeta): Promise<LoginResult> {
  const { row, inserted } = await upsertCustomerBy(ctx.db, 'alipayUserId', newCustomer(ctx, '支付宝用户', { alipayUserId }), { lastLoginAt: ctx.now });
  return finishLogin(ctx, row, inserted, meta);
}

/** Sends a login code: one per phone per minute, 10 per phone per day, 20 per IP per hour. */
export async function sendSmsCode(ctx: Ctx, phone: string, meta: ClientMeta): Promise<{ expiresInSec: number; resendAfterSec: number }> {
  const normalized = normalizeCnPhone(phone);
  const bidx = ctx.infra.blindIndex.index(normalized, PHONE_CONTEXT);
  const { cache } = ctx.infra;
  await enforceLimits(cache, [
    { key: `sms-send:phone-minute:${bidx}`, max: 1, windowMs: SMS_RESEND_AFTER_MS, message: '验证码已发送，请 1 分钟后再试' },
    { key: `sms-send:phone-day:${bidx}`, max: 10, windowMs: 86_400_000, message: '今日验证码次数已用完，请明天再试' },
    { key: `sms-send:ip-hour:${meta.ip ?? 'unknown'}`, max: 20, windowMs: 3_600_000 },
  ]);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.db.insert(smsCodes).values({
    id: newId(),
    phoneBidx: bidx,
    codeHash: hashSecret(`${bidx}:${code}`),
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + SMS_CODE_TTL_MS),
    ip: meta.ip ?? null,
  });
  try {
    await ctx.infra.sms.send(normalized, `【商城】验证码 ${code}，5 分钟内有效。如非本人操作请忽略。`);
  } catch (err) {
    if (err instanceof SmsUnavailableError) throw IdentityError.smsUnavailable();
    throw err;
  }
  return { expiresInSec: SMS_CODE_TTL_MS / 1000, resendAfterSec: SMS_RESEND_AFTER_MS / 1000 };
}

/**
 * Checks the newest live code for the phone. Wrong guesses count against the code (5) and against the
 * phone (10 per hour, across resends), so a 6-digit code cannot be brute-forced.
 */
export async function smsLogin(ctx: Ctx, phone: string, code: string, meta: ClientMeta): Promise<LoginResult> {
  const normalized = normalizeCnPhone(phone);
  const bidx = ctx.infra.blindIndex.index(normalized, PHONE_CONTEXT);
  const phoneFailures = { key: `sms-verify-fail:${bidx}`, max: 10, windowMs: 3_600_000 };
  if (await isOverLimit(ctx.infra.cache, phoneFailures)) {
    throw new DomainError('RATE_LIMITED', '验证码错误次数过多，请 1 小时后再试', 429, { retryAfterSec: 3600 });
  }
  const verified = await withTx(ctx, async (tx) => {
    const [live] = await tx.db
      .select()
      .from(smsCodes)
      .where(and(eq(smsCodes.phoneBidx, bidx), isNull(smsCodes.consumedAt), gt(smsCodes.expiresAt, tx.now)))
      .orderBy(desc(smsCodes.createdAt))
      .limit(1)
      .for('update');
    if (!live || live.attempts >= SMS_MAX_ATTEMPTS_PER_CODE) return { ok: false as const, attemptsLeft: 0 };
    if (live.codeHash !== hashSecret(`${bidx}:${code}`)) {
      await tx.db.update(smsCodes).set({ attempts: live.attempts + 1 }).where(eq(smsCodes.id, live.id));
      return { ok: false as const, attemptsLeft: SMS_MAX_ATTEMPTS_PER_CODE - live.attempts - 1 };
    }
    await tx.db.update(smsCodes).set({ consumedAt: tx.now }).where(eq(smsCodes.id, live.id));
    return { ok: true as const };
  });
  if (!verified.ok) {
    await countFailure(ctx.infra.cache, phoneFailures);
    throw IdentityError.smsCodeInvalid(verified.attemptsLeft);
  }
  const { row, inserted } = await upsertCustomerBy(
    ctx.db,
    'phoneBidx',
    newCustomer(ctx, `用户${normalized.slice(-4)}`, phoneColumns(ctx, normalized)),
    { lastLoginAt: ctx.now },
  );
  return finishLogin(ctx, row, inserted, meta);
}

export async function getProfile(ctx: Ctx, customerId: string): Promise<CustomerProfile> {
  const row = await findCustomerById(ctx.db, customerId);
  if (!row) throw notFound('用户');
  return toProfile(ctx, row);
}

export async function updateProfile(
  ctx: Ctx,
  customerId: string,
  changes: Partial<Pick<NewCustomer, 'nickname' | 'gender' | 'birthday' | 'avatarUrl'>>,
): Promise<CustomerProfile> {
  // "today" is the shop's calendar day (China), not UTC's: 00:00–08:00 in Beijing is still yesterday in UTC
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(ctx.now);
  if (changes.birthday && changes.birthday > today) {
    throw new DomainError('VALIDATION_FAILED', '生日不能晚于今天', 400, { fields: [{ in: 'body', path: 'birthday', message: '生日不能晚于今天' }] });
  }
  const row = await updateCustomer(ctx.db, customerId, { ...changes, updatedAt: ctx.now });
  if (!row) throw notFound('用户');
  return toProfile(ctx, row);
}

/** Binds a verified phone; a phone already on another account is refused rather than silently merged. */
export async function bindPhone(ctx: Ctx, customerId: string, phone: string): Promise<CustomerProfile> {
  const columns = phoneColumns(ctx, phone);
  const owner = await findCustomerBy(ctx.db, 'phoneBidx', columns.phoneBidx!);
  if (owner && owner.id !== customerId) throw IdentityError.phoneAlreadyBound();
  try {
    return toProfile(ctx, await updateCustomer(ctx.db, customerId, { ...columns, updatedAt: ctx.now }));
  } catch (err) {
    // a concurrent bind of the same phone to another account lost the unique-index race
    if ((err as { code?: string }).code === '23505' || String((err as Error).message).includes('customers_phone_bidx_uq')) throw IdentityError.phoneAlreadyBound();
    throw err;
  }
}
