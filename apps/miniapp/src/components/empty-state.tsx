import { Text, View } from '@tarojs/components';
import './empty-state.scss';

export interface EmptyStateProps {
  title: string;
  description?: string;
  className?: string;
}

/** Nothing to show yet: say so plainly instead of leaving a blank area. */
export function EmptyState({ title, description, className }: EmptyStateProps) {
  return (
    <View className={`mm-empty-state${className ? ` ${className}` : ''}`}>
      <View className='mm-empty-state__icon' />
      <Text className='mm-empty-state__title'>{title}</Text>
      {description && <Text className='mm-empty-state__description'>{description}</Text>}
    </View>
  );
}
