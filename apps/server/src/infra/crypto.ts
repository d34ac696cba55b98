import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'enc:v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CryptoConfigError extends Error {
  override name = 'CryptoConfigError';
}

export class DecryptError extends Error {
  override name = 'DecryptError';
}

export interface Keyring {
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** Parses `id1:base64key,id2:base64key`; each key must be exactly 32 bytes (AES-256). */
export function parseKeyring(spec: string, currentKeyId: string): Keyring {
  const keys = new Map<string, Buffer>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const idx = part.indexOf(':');
    const id = part.slice(0, idx);
    if (idx <= 0 || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new CryptoConfigError(`bad key id in DATA_KEYS entry "${part.slice(0, 8)}…"`);
    const key = Buffer.from(part.slice(idx + 1), 'base64');
    if (key.length !== 32) throw new CryptoConfigError(`data key ${id} must be 32 bytes of base64, got ${key.length}`);
    if (keys.has(id)) throw new CryptoConfigError(`duplicate data key id ${id}`);
    keys.set(id, key);
  }
  if (!keys.has(currentKeyId)) throw new CryptoConfigError(`DATA_KEY_ID ${currentKeyId} is not in DATA_KEYS`);
  return { currentKeyId, keys };
}

export function generateKey(): string {
  return randomBytes(32).toString('base64');
}

/**
 * AES-256-GCM field encryption. Output `enc:v1:<keyId>:<base64url(iv|tag|ciphertext)>` keeps the key id
 * beside the data so keys can rotate; `context` (e.g. "customers.phone") is bound as AAD so a value
 * copied into another column fails to decrypt.
 */
export class FieldCipher {
  constructor(private readonly keyring: Keyring) {}

  get currentKeyId(): string {
    return this.keyring.currentKeyId;
  }

  encrypt(plaintext: string, context = ''): string {
    const keyId = this.keyring.currentKeyId;
    const key = this.keyring.keys.get(keyId)!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${PREFIX}:${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url')}`;
  }

  decrypt(envelope: string, context = ''): string {
    const { keyId, payload } = this.parse(envelope);
    const key = this.keyring.keys.get(keyId);
    if (!key) throw new DecryptError(`unknown data key id ${keyId}`);
    if (payload.length < IV_BYTES + TAG_BYTES) throw new DecryptError('ciphertext too short');
    const decipher = createDecipheriv('aes-256-gcm', key, payload.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(payload.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptError('ciphertext failed authentication');
    }
  }

  keyIdOf(envelope: string): string {
    return this.parse(envelope).keyId;
  }

  /** True when the value was written under an older key and the rotation job should rewrite it. */
  needsRotation(envelope: string): boolean {
    return this.keyIdOf(envelope) !== this.keyring.currentKeyId;
  }

  /** Re-encrypts under the current key; returns the input unchanged when it is already current. */
  rotate(envelope: string, context = ''): string {
    return this.needsRotation(envelope) ? this.encrypt(this.decrypt(envelope, context), context) : envelope;
  }

  private parse(envelope: string): { keyId: string; payload: Buffer } {
    const parts = envelope.split(':');
    if (parts.length !== 4 || `${parts[0]}:${parts[1]}` !== PREFIX) throw new DecryptError('not an encrypted value');
    return { keyId: parts[2]!, payload: Buffer.from(parts[3]!, 'base64url') };
  }
}

/**
 * Deterministic HMAC-SHA256 "blind index" for equality lookups on encrypted fields (find customer by
 * phone) without storing the plaintext. Callers normalise first so "+86 138-0000-0000" matches "13800000000".
 */
export class BlindIndexer {
  private readonly key: Buffer;

  constructor(key: string) {
    this.key = Buffer.from(key, 'base64');
    if (this.key.length < 32) throw new CryptoConfigError('BLIND_INDEX_KEY must be at least 32 bytes of base64');
  }

  index(value: string, context: string): string {
    return createHmac('sha256', this.key).update(context).update('\u0000').update(value).digest('hex');
  }

  matches(value: string, context: string, stored: string): boolean {
    const a = Buffer.from(this.index(value, context), 'hex');
    const b = Buffer.from(stored, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

/** Mainland mobile numbers in one canonical form (11 digits) for the blind index. */
export function normalizeCnPhone(raw: string): string {
  const digits = raw.replace(/[^\d]/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}
