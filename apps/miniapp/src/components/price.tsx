import { Text, View } from '@tarojs/components';
import { formatYuan, type Fen } from '@minimall/contracts';
import './price.scss';

export interface PriceProps {
  /** What the shopper pays, in integer fen. */
  fen: Fen;
  /** List price shown struck through; omitted unless it is higher than `fen`. */
  originalFen?: Fen;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

/** ¥ amount from integer fen: small symbol and cents, large yuan, as Chinese shops print it. */
export function Price({ fen, originalFen, size = 'md', className }: PriceProps) {
  const text = formatYuan(fen);
  const dot = text.indexOf('.');
  const showOriginal = originalFen !== undefined && originalFen > fen;
  return (
    <View className={`mm-price mm-price--${size}${className ? ` ${className}` : ''}`}>
      <Text className='mm-price__current'>
        <Text className='mm-price__symbol'>¥</Text>
        <Text className='mm-price__yuan'>{text.slice(1, dot)}</Text>
        <Text className='mm-price__cents'>{text.slice(dot)}</Text>
      </Text>
      {showOriginal && <Text className='mm-price__original'>{formatYuan(originalFen)}</Text>}
    </View>
  );
}
