import { describe, expect, it } from 'vitest';
import { latencyChartOption } from './latency-chart.ts';

const colors = { ok: '#52c41a', failed: '#ff4d4f', text: '#666', splitLine: '#eee' };

describe('latencyChartOption', () => {
  it('draws one bar per check with its latency, green when ok and red when failed', () => {
    const option = latencyChartOption(
      { database: { ok: true, latencyMs: 3.14159 }, cache: { ok: false, latencyMs: 1000, error: 'ECONNREFUSED' } },
      colors,
    );

    expect(option.xAxis).toMatchObject({ type: 'category', data: ['数据库', '缓存'] });
    const [series] = option.series as Array<{ data: Array<{ value: number; itemStyle: { color: string } }> }>;
    expect(series?.data.map((d) => d.value)).toEqual([3.1, 1000]);
    expect(series?.data.map((d) => d.itemStyle.color)).toEqual(['#52c41a', '#ff4d4f']);
  });

  it('puts the failure reason in the tooltip, escaped', () => {
    const option = latencyChartOption({ queue: { ok: false, latencyMs: 12, error: '<timeout>' } }, colors);
    const tooltip = option.tooltip as { formatter: (params: { dataIndex: number }) => string };

    expect(tooltip.formatter({ dataIndex: 0 })).toBe('队列<br/>耗时 12 ms · 失败：&#60;timeout&#62;');
  });
});
