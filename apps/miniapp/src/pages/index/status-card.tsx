import { Text, View } from '@tarojs/components';
import { ApiError, type SystemInfo } from '@minimall/contracts';
import { ErrorState } from '../../components/error-state';
import { Skeleton } from '../../components/skeleton';
import {
  cacheLabel,
  databaseLabel,
  formatBeijingTime,
  paymentsLabel,
  queueLabel,
  storageLabel,
} from './system-info-labels';

interface StatusCardProps {
  info: SystemInfo | undefined;
  error: unknown;
  loading: boolean;
  onRetry: () => void;
}

function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : '加载失败，请稍后重试';
}

/** What the shop is running on, straight from GET /api/system/info. */
export function StatusCard({ info, error, loading, onRetry }: StatusCardProps) {
  let body;
  if (loading) {
    body = <Skeleton rows={6} title={false} />;
  } else if (error || !info) {
    body = <ErrorState message={errorMessage(error)} onRetry={onRetry} />;
  } else {
    const rows: [string, string][] = [
      ['店铺', info.name],
      ['版本', `v${info.version}`],
      ['数据库', databaseLabel[info.runtime.database]],
      ['缓存', cacheLabel[info.runtime.cache]],
      ['队列', queueLabel[info.runtime.queue]],
      ['存储', storageLabel[info.runtime.storage]],
      ['支付', paymentsLabel[info.runtime.payments]],
      ['服务器时间', formatBeijingTime(info.serverTime)],
    ];
    body = (
      <View className='status-card__rows'>
        {rows.map(([label, value]) => (
          <View key={label} className='status-card__row'>
            <Text className='status-card__label'>{label}</Text>
            <Text className='status-card__value'>{value}</Text>
          </View>
        ))}
      </View>
    );
  }
  return (
    <View className='status-card'>
      <View className='status-card__header'>
        <Text className='status-card__title'>运行状态</Text>
        {info && !loading && !error && <Text className='status-card__badge'>服务正常</Text>}
      </View>
      {body}
    </View>
  );
}
