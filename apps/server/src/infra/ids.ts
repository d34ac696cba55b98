import { randomBytes } from 'node:crypto';

/**
 * UUIDv7 (RFC 9562): 48-bit millisecond timestamp, then a 12-bit counter in rand_a so ids made in
 * the same millisecond by this process still sort in creation order, then 62 random bits.
 */
export function createIdGenerator(now: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      ms = lastMs;
      counter += 1;
      if (counter > 0xfff) {
        // counter exhausted within one millisecond: borrow the next millisecond rather than lose order
        ms = lastMs + 1;
        counter = 0;
      }
    } else {
      counter = randomBytes(2).readUInt16BE(0) & 0x3ff; // leave headroom for increments
    }
    lastMs = ms;
    const bytes = randomBytes(16);
    bytes.writeUIntBE(ms, 0, 6);
    bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | (bytes[8]! & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

export const newId = createIdGenerator();

/** The creation time encoded in a UUIDv7. */
export function idTimestamp(id: string): Date {
  return new Date(parseInt(id.replace(/-/g, '').slice(0, 12), 16));
}
