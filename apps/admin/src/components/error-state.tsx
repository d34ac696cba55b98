import { Button, Result } from 'antd';
import { ApiError } from '@minimall/contracts';

/** Staff read the API's Chinese message; anything else (bad JSON, schema drift) gets a generic line. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '数据加载失败，请稍后重试';
}

export interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

export function ErrorState({ error, onRetry, title = '加载失败' }: ErrorStateProps) {
  return (
    <Result
      status="error"
      title={title}
      subTitle={errorMessage(error)}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        )
      }
    />
  );
}
