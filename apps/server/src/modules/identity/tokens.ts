import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface AccessClaims {
  /** Customer or staff id. */
  sub: string;
  typ: 'customer' | 'staff';
  /** Session family: logout and reuse detection revoke it. */
  sid: string;
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** Compact JWT (HS256). Short-lived; the refresh token is what is stored and revocable. */
export function signAccessToken(secret: Buffer, claims: AccessClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const sig = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${sig}`;
}

/** The claims of a well-formed, correctly signed, unexpired token; undefined otherwise. */
export function verifyAccessToken(secret: Buffer, token: string, nowSec: number): AccessClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    return undefined;
  }
  if (typeof claims.exp !== 'number' || claims.exp <= nowSec) return undefined;
  if ((claims.typ !== 'customer' && claims.typ !== 'staff') || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return undefined;
  return claims;
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Refresh tokens and SMS codes are stored only as hashes. */
export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
