import { and, eq, isNull } from 'drizzle-orm';
import { newId } from '../../infra/ids.ts';
import { withTx, type Ctx } from '../../shared/context.ts';
import { IdentityError } from './identity.errors.ts';
import { authSessions } from './identity.schema.ts';
import { hashSecret, newRefreshToken, signAccessToken, verifyAccessToken, type AccessClaims } from './tokens.ts';

export interface Subject {
  kind: 'customer' | 'staff';
  id: string;
}

export interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

export interface ClientMeta {
  ip?: string;
  userAgent?: string;
}

const revokedKey = (familyId: string) => `auth:revoked-session:${familyId}`;

async function issue(ctx: Ctx, subject: Subject, familyId: string, meta: ClientMeta): Promise<Tokens> {
  const { config, tokenSecret } = ctx.infra;
  const refreshToken = newRefreshToken();
  const refreshTokenExpiresAt = new Date(ctx.now.getTime() + config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
  await ctx.db.insert(authSessions).values({
    id: newId(),
    familyId,
    subjectKind: subject.kind,
    subjectId: subject.id,
    tokenHash: hashSecret(refreshToken),
    createdAt: ctx.now,
    expiresAt: refreshTokenExpiresAt,
    ip: meta.ip?.slice(0, 64) ?? null,
    userAgent: meta.userAgent?.slice(0, 256) ?? null,
  });
  const iat = Math.floor(ctx.now.getTime() / 1000);
  const exp = iat + config.ACCESS_TOKEN_TTL_SEC;
  return {
    accessToken: signAccessToken(tokenSecret, { sub: subject.id, typ: subject.kind, sid: familyId, iat, exp }),
    accessTokenExpiresAt: new Date(exp * 1000),
    refreshToken,
    refreshTokenExpiresAt,
  };
}

/** A new login: a new token family. */
export function startSession(ctx: Ctx, subject: Subject, meta: ClientMeta = {}): Promise<Tokens> {
  return withTx(ctx, (tx) => issue(tx, subject, newId(), meta));
}

/** Revokes every token of a family now, and tells every API process to refuse its access tokens. */
export async function revokeFamily(ctx: Ctx, familyId: string, reason: string): Promise<void> {
  await ctx.db
    .update(authSessions)
    .set({ revokedAt: ctx.now, revokeReason: reason })
    .where(and(eq(authSessions.familyId, familyId), isNull(authSessions.revokedAt)));
  await ctx.infra.cache.set(revokedKey(familyId), reason, ctx.infra.config.ACCESS_TOKEN_TTL_SEC * 1000);
}

/**
 * Refresh-token rotation. A token is good once: a second use (or a lost race between two uses) means
 * it leaked, so the whole family is revoked and the shopper signs in again.
 */
export async function rotateSession(ctx: Ctx, refreshToken: string, meta: ClientMeta = {}): Promise<{ tokens: Tokens; subject: Subject }> {
  const outcome = await withTx(ctx, async (tx) => {
    const [row] = await tx.db.select().from(authSessions).where(eq(authSessions.tokenHash, hashSecret(refreshToken))).limit(1);
    if (!row) return { error: IdentityError.refreshInvalid() };
    if (row.revokedAt) return { error: IdentityError.sessionRevoked() };
    if (row.expiresAt <= tx.now) return { error: IdentityError.refreshExpired() };
    const claimed = row.rotatedAt
      ? []
      : await tx.db
          .update(authSessions)
          .set({ rotatedAt: tx.now })
          .where(and(eq(authSessions.id, row.id), isNull(authSessions.rotatedAt)))
          .returning({ id: authSessions.id });
    const subject: Subject = { kind: row.subjectKind, id: row.subjectId };
    if (claimed.length === 0) return { reusedFamily: row.familyId };
    return { tokens: await issue(tx, subject, row.familyId, meta), subject };
  });
  if ('reusedFamily' in outcome && outcome.reusedFamily) {
    await revokeFamily(ctx, outcome.reusedFamily, 'refresh token reused');
    ctx.log.warn({ familyId: outcome.reusedFamily }, 'refresh token reuse detected: session family revoked');
    throw IdentityError.refreshReused();
  }
  if ('error' in outcome && outcome.error) throw outcome.error;
  return outcome as { tokens: Tokens; subject: Subject };
}

/** Logout: idempotent, and silent about tokens it does not know. */
export async function endSession(ctx: Ctx, refreshToken: string): Promise<void> {
  const [row] = await ctx.db.select().from(authSessions).where(eq(authSessions.tokenHash, hashSecret(refreshToken))).limit(1);
  if (row && !row.revokedAt) await revokeFamily(ctx, row.familyId, 'logout');
}

/** Verifies an access token and that its session has not been revoked since it was issued. */
export async function authenticate(ctx: Pick<Ctx, 'infra' | 'now'>, token: string): Promise<AccessClaims | undefined> {
  const claims = verifyAccessToken(ctx.infra.tokenSecret, token, Math.floor(ctx.now.getTime() / 1000));
  if (!claims) return undefined;
  if ((await ctx.infra.cache.get(revokedKey(claims.sid))) !== undefined) return undefined;
  return claims;
}
