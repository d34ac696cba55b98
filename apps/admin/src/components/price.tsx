import { theme } from 'antd';
import { formatYuan } from '@minimall/contracts';
import type { Fen } from '@minimall/contracts';

export interface PriceProps {
  /** Selling price in integer fen. */
  fen: Fen;
  /** Shown struck through when higher than `fen`. */
  originalFen?: Fen;
  /** Drops a trailing ".00". */
  compact?: boolean;
  size?: 'small' | 'default' | 'large';
}

const FONT_SIZES = { small: 12, default: 14, large: 20 } as const;

export function Price({ fen, originalFen, compact = false, size = 'default' }: PriceProps) {
  const { token } = theme.useToken();
  const showOriginal = originalFen !== undefined && originalFen > fen;
  return (
    <span className="mm-price" style={{ whiteSpace: 'nowrap' }}>
      <span style={{ color: token.colorPrimary, fontSize: FONT_SIZES[size], fontWeight: 600 }}>{formatYuan(fen, { compact })}</span>
      {showOriginal && (
        <del style={{ color: token.colorTextTertiary, fontSize: token.fontSizeSM, marginInlineStart: token.marginXS }}>
          {formatYuan(originalFen, { compact })}
        </del>
      )}
    </span>
  );
}
