import { Button, Text, View } from '@tarojs/components';
import './error-state.scss';

export interface ErrorStateProps {
  /** Shopper-facing reason, in Chinese. */
  message: string;
  onRetry?: () => void;
  className?: string;
}

/** A failed load: what went wrong and a way to try again. */
export function ErrorState({ message, onRetry, className }: ErrorStateProps) {
  return (
    <View className={`mm-error-state${className ? ` ${className}` : ''}`} role='alert'>
      <View className='mm-error-state__icon'>!</View>
      <Text className='mm-error-state__message'>{message}</Text>
      {onRetry && (
        <Button className='mm-error-state__retry' size='mini' onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}
