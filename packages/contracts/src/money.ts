/** Integer fen (分) is the only money type; yuan exists only when formatting for display. */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** 12345 → "123.45"; -5 → "-0.05". No floating point on the way. */
export function formatFen(fen: Fen): string {
  if (!isFen(fen)) throw new TypeError(`not an integer fen amount: ${String(fen)}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** "¥123.45" for UIs; trailing ".00" dropped when `compact`. */
export function formatYuan(fen: Fen, options: { compact?: boolean } = {}): string {
  const text = formatFen(fen);
  return `¥${options.compact && text.endsWith('.00') ? text.slice(0, -3) : text}`;
}
