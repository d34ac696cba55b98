import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './cell.scss';

export interface CellProps {
  title: string;
  /** Right-hand content: a value, an input, a picker … */
  children?: ReactNode;
  /** Shown under the row in red, e.g. a field error from the server. */
  error?: string;
  /** Draws a › and makes the row tappable. */
  onClick?: () => void;
  arrow?: boolean;
  className?: string;
}

/** One row of a grouped list: title on the left, content on the right. */
export function Cell({ title, children, error, onClick, arrow = Boolean(onClick), className }: CellProps) {
  return (
    <View className={`mm-cell${error ? ' mm-cell--error' : ''}${className ? ` ${className}` : ''}`}>
      <View className='mm-cell__row' onClick={onClick} hoverClass={onClick ? 'mm-cell__row--active' : 'none'}>
        <Text className='mm-cell__title'>{title}</Text>
        <View className='mm-cell__content'>{children}</View>
        {arrow && <View className='mm-cell__arrow' />}
      </View>
      {error && (
        <View className='mm-cell__error' role='alert'>
          {error}
        </View>
      )}
    </View>
  );
}
