import { View } from '@tarojs/components';
import './skeleton.scss';

export interface SkeletonProps {
  /** Number of text lines; the last one is shorter, like a paragraph. */
  rows?: number;
  /** Adds a wider heading bar above the rows. */
  title?: boolean;
  className?: string;
}

/** Grey placeholder bars shown while content loads, so the layout does not jump. */
export function Skeleton({ rows = 3, title = true, className }: SkeletonProps) {
  return (
    <View className={`mm-skeleton${className ? ` ${className}` : ''}`} aria-busy='true' aria-label='加载中'>
      {title && <View className='mm-skeleton__bar mm-skeleton__bar--title' />}
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className={`mm-skeleton__bar${i === rows - 1 ? ' mm-skeleton__bar--last' : ''}`} />
      ))}
    </View>
  );
}
