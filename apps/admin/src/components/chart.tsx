import { useEffect, useRef, useState } from 'react';
import { Skeleton, Typography } from 'antd';
import type { ChartInstance, ChartOption } from './echarts.ts';

export type { ChartOption } from './echarts.ts';

export interface ChartProps {
  option: ChartOption;
  height?: number;
  /** Read by screen readers instead of the canvas. */
  ariaLabel: string;
}

/** ECharts on a div that follows its container's size; echarts itself loads with the first chart. */
export function Chart({ option, height = 300, ariaLabel }: ChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ChartInstance | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('./echarts.ts').then(
      ({ createChart }) => {
        const element = containerRef.current;
        if (disposed || !element) return;
        const chart = createChart(element);
        chartRef.current = chart;
        observer = new ResizeObserver(() => chart.resize());
        observer.observe(element);
        setStatus('ready');
      },
      () => !disposed && setStatus('failed'),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (status === 'ready') chartRef.current?.setOption(option, { notMerge: true });
  }, [status, option]);

  return (
    <div style={{ position: 'relative', height }}>
      <div ref={containerRef} role="img" aria-label={ariaLabel} style={{ width: '100%', height: '100%' }} />
      {status !== 'ready' && (
        <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          {status === 'loading' ? (
            <Skeleton.Node active style={{ width: 160, height: Math.min(height, 120) }} />
          ) : (
            <Typography.Text type="secondary">图表加载失败，请刷新页面</Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}
