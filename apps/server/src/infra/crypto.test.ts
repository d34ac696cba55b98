import { describe, expect, it } from 'vitest';
import { BlindIndexer, CryptoConfigError, DecryptError, FieldCipher, generateKey, normalizeCnPhone, parseKeyring } from './crypto.ts';

const k1 = generateKey();
const k2 = generateKey();

describe('FieldCipher (AES-256-GCM with key id)', () => {
  it('round-trips Chinese text and never stores the plaintext', () => {
    const cipher = new FieldCipher(parseKeyring(`k1:${k1}`, 'k1'));
    const address = '浙江省杭州市西湖区文三路 90 号 3 幢 501';
    const sealed = cipher.encrypt(address, 'addresses.detail');
    expect(sealed).toMatch(/^enc:v1:k1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('文三路');
    expect(cipher.decrypt(sealed, 'addresses.detail')).toBe(address);
  });

  it('uses a fresh IV each time, so equal plaintexts give different ciphertexts', () => {
    const cipher = new FieldCipher(parseKeyring(`k1:${k1}`, 'k1'));
    expect(cipher.encrypt('13800138000')).not.toBe(cipher.encrypt('13800138000'));
  });

  it('refuses a ciphertext moved to another column (AAD) or tampered with', () => {
    const cipher = new FieldCipher(parseKeyring(`k1:${k1}`, 'k1'));
    const sealed = cipher.encrypt('13800138000', 'customers.phone');
    expect(() => cipher.decrypt(sealed, 'customers.real_name')).toThrow(DecryptError);
    const body = sealed.split(':')[3]!;
    const flipped = body.slice(0, -2) + (body.at(-2) === 'A' ? 'B' : 'A') + body.at(-1);
    expect(() => cipher.decrypt(`enc:v1:k1:${flipped}`, 'customers.phone')).toThrow(DecryptError);
    expect(() => cipher.decrypt('13800138000')).toThrow('not an encrypted value');
  });

  it('rotates: old values still decrypt, new writes use the current key, rotate() re-encrypts', () => {
    const before = new FieldCipher(parseKeyring(`k1:${k1}`, 'k1'));
    const old = before.encrypt('13900139000', 'customers.phone');
    const after = new FieldCipher(parseKeyring(`k1:${k1},k2:${k2}`, 'k2'));
    expect(after.decrypt(old, 'customers.phone')).toBe('13900139000');
    expect(after.needsRotation(old)).toBe(true);
    const rotated = after.rotate(old, 'customers.phone');
    expect(after.keyIdOf(rotated)).toBe('k2');
    expect(after.needsRotation(rotated)).toBe(false);
    expect(after.rotate(rotated, 'customers.phone')).toBe(rotated);
    expect(after.decrypt(rotated, 'customers.phone')).toBe('13900139000');
  });

  it('fails fast on a bad keyring', () => {
    expect(() => parseKeyring('k1:c2hvcnQ=', 'k1')).toThrow(CryptoConfigError);
    expect(() => parseKeyring(`k1:${k1}`, 'k9')).toThrow('DATA_KEY_ID k9 is not in DATA_KEYS');
    expect(() => parseKeyring(`k1:${k1},k1:${k2}`, 'k1')).toThrow('duplicate');
  });
});

describe('BlindIndexer', () => {
  it('gives equal indexes for equal normalised values and different ones per context and key', () => {
    const a = new BlindIndexer(k1);
    const phone = normalizeCnPhone('+86 138-0013-8000');
    expect(phone).toBe('13800138000');
    expect(a.index(phone, 'customers.phone')).toBe(a.index('13800138000', 'customers.phone'));
    expect(a.index(phone, 'customers.phone')).toMatch(/^[0-9a-f]{64}$/);
    expect(a.index(phone, 'staff.phone')).not.toBe(a.index(phone, 'customers.phone'));
    expect(new BlindIndexer(k2).index(phone, 'customers.phone')).not.toBe(a.index(phone, 'customers.phone'));
    expect(a.matches('13800138000', 'customers.phone', a.index(phone, 'customers.phone'))).toBe(true);
    expect(a.matches('13800138001', 'customers.phone', a.index(phone, 'customers.phone'))).toBe(false);
  });
});
