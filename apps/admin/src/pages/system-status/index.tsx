import { useMemo } from 'react';
import { Alert, Badge, Button, Card, Col, Descriptions, Flex, Row, Tag, theme } from 'antd';
import type { DescriptionsProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { SystemInfo } from '@minimall/contracts';
import { fetchReadiness } from '../../api/system.ts';
import { Chart } from '../../components/chart.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { CardSkeleton } from '../../components/page-skeleton.tsx';
import { useRequest } from '../../hooks/use-request.ts';
import { useSystemInfo } from '../../hooks/use-system-info.tsx';
import { formatDateTime } from '../../format.ts';
import { ENVIRONMENT_LABELS, RUNTIME_LABELS, checkLabel, formatUptime } from './format.ts';
import { latencyChartOption } from './latency-chart.ts';
import type { ReadinessChecks } from './latency-chart.ts';

function basicItems(info: SystemInfo): DescriptionsProps['items'] {
  return [
    { key: 'name', label: '商城名称', children: info.name },
    { key: 'version', label: '版本', children: info.version },
    {
      key: 'environment',
      label: '运行环境',
      children: <Tag color={info.environment === 'production' ? 'green' : 'blue'}>{ENVIRONMENT_LABELS[info.environment]}</Tag>,
    },
    { key: 'schema', label: '数据结构版本', children: info.schemaVersion },
    { key: 'uptime', label: '已运行', children: formatUptime(info.uptimeSec) },
    { key: 'serverTime', label: '服务器时间', children: formatDateTime(info.serverTime) },
  ];
}

function runtimeItems(runtime: SystemInfo['runtime']): DescriptionsProps['items'] {
  const keys = Object.keys(RUNTIME_LABELS) as Array<keyof SystemInfo['runtime']>;
  return keys.map((key) => {
    const { title, values } = RUNTIME_LABELS[key];
    const value = (values as Record<string, string>)[runtime[key]] ?? runtime[key];
    // Sandbox payments take no real money: make that impossible to miss.
    const children = key === 'payments' && runtime.payments === 'sandbox' ? <Tag color="orange">{value}</Tag> : value;
    return { key, label: title, children };
  });
}

function LatencyChart({ checks }: { checks: ReadinessChecks }) {
  const { token } = theme.useToken();
  const option = useMemo(
    () =>
      latencyChartOption(checks, {
        ok: token.colorSuccess,
        failed: token.colorError,
        text: token.colorTextSecondary,
        splitLine: token.colorBorderSecondary,
      }),
    [checks, token],
  );
  const failed = Object.entries(checks).filter(([, check]) => !check.ok);
  return (
    <>
      <Chart option={option} height={280} ariaLabel="各依赖检查耗时（毫秒）" />
      <Flex gap={16} justify="center" style={{ marginTop: 8 }}>
        <Badge color={token.colorSuccess} text="正常" />
        <Badge color={token.colorError} text="失败" />
      </Flex>
      {failed.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title="以下依赖检查失败"
          description={failed.map(([name, check]) => (
            <div key={name}>
              {checkLabel(name)}：{check.error ?? '无响应'}
            </div>
          ))}
        />
      )}
    </>
  );
}

export default function SystemStatusPage() {
  const info = useSystemInfo();
  const readiness = useRequest(fetchReadiness);
  const refreshing = info.loading || readiness.loading;
  const refresh = () => {
    info.reload();
    readiness.reload();
  };

  return (
    <PageContainer
      extra={
        <Button icon={<ReloadOutlined />} loading={refreshing} onClick={refresh}>
          刷新
        </Button>
      }
    >
      <Row gutter={[16, 16]}>
        {info.error ? (
          <Col span={24}>
            <Card>
              <ErrorState title="系统信息加载失败" error={info.error} onRetry={info.reload} />
            </Card>
          </Col>
        ) : (
          <>
            <Col xs={24} xl={12}>
              <Card title="基本信息" style={{ height: '100%' }}>
                {info.data ? <Descriptions column={{ xs: 1, sm: 2 }} items={basicItems(info.data)} /> : <CardSkeleton rows={3} />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="运行组件" style={{ height: '100%' }}>
                {info.data ? <Descriptions column={{ xs: 1, sm: 2 }} items={runtimeItems(info.data.runtime)} /> : <CardSkeleton rows={3} />}
              </Card>
            </Col>
          </>
        )}
        <Col span={24}>
          <Card
            title="依赖检查"
            extra={
              readiness.data &&
              (readiness.data.status === 'ready' ? <Badge status="success" text="全部就绪" /> : <Badge status="error" text="未就绪" />)
            }
          >
            {readiness.error ? (
              <ErrorState title="依赖检查加载失败" error={readiness.error} onRetry={readiness.reload} />
            ) : readiness.data ? (
              <LatencyChart checks={readiness.data.checks} />
            ) : (
              <CardSkeleton rows={6} />
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
