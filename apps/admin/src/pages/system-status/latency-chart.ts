import type { EndpointOutput } from '@minimall/contracts';
import type { readinessEndpoint } from '../../api/endpoints.ts';
import type { ChartOption } from '../../components/chart.tsx';
import { checkLabel } from './format.ts';

export type ReadinessChecks = EndpointOutput<typeof readinessEndpoint>['checks'];

export interface LatencyColors {
  ok: string;
  failed: string;
  text: string;
  splitLine: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Round to 0.1 ms: sub-millisecond noise is not something a merchant can act on. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** One bar per dependency check, its latency in ms, green when it answered and red when it failed. */
export function latencyChartOption(checks: ReadinessChecks, colors: LatencyColors): ChartOption {
  const entries = Object.entries(checks);
  return {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const index = Array.isArray(params) ? (params[0]?.dataIndex ?? 0) : params.dataIndex;
        const entry = entries[index];
        if (!entry) return '';
        const [name, check] = entry;
        const state = check.ok ? '正常' : `失败${check.error ? `：${escapeHtml(check.error)}` : ''}`;
        return `${escapeHtml(checkLabel(name))}<br/>耗时 ${roundMs(check.latencyMs)} ms · ${state}`;
      },
    },
    xAxis: {
      type: 'category',
      data: entries.map(([name]) => checkLabel(name)),
      axisTick: { show: false },
      axisLabel: { color: colors.text },
    },
    yAxis: {
      type: 'value',
      name: '毫秒',
      nameTextStyle: { color: colors.text },
      axisLabel: { color: colors.text },
      splitLine: { lineStyle: { color: colors.splitLine } },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        // Keeps a healthy 0.4 ms check visible next to a 2 s timeout.
        barMinHeight: 3,
        data: entries.map(([, check]) => ({
          value: roundMs(check.latencyMs),
          itemStyle: { color: check.ok ? colors.ok : colors.failed, borderRadius: [4, 4, 0, 0] },
        })),
        label: { show: true, position: 'top', formatter: '{c} ms', color: colors.text },
      },
    ],
  };
}
