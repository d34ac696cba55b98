import { render, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeResizeObserver } from '../test/fake-resize-observer.ts';
import { Chart } from './chart.tsx';
import type { ChartOption } from './chart.tsx';

const instance = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() };
const createChart = vi.fn((_element: HTMLElement) => instance);
vi.mock('./echarts.ts', () => ({ createChart: (element: HTMLElement) => createChart(element) }));

const barOption = (values: number[]): ChartOption => ({
  xAxis: { type: 'category', data: values.map(String) },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', data: values }],
});

describe('Chart', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    FakeResizeObserver.instances = [];
  });

  it('draws the option into its container and redraws when the option changes', async () => {
    const first = barOption([1, 2]);
    const { getByRole, rerender } = render(<Chart option={first} ariaLabel="耗时" />);

    await waitFor(() => expect(instance.setOption).toHaveBeenCalledWith(first, { notMerge: true }));
    expect(createChart).toHaveBeenCalledWith(getByRole('img', { name: '耗时' }));

    const second = barOption([3]);
    rerender(<Chart option={second} ariaLabel="耗时" />);
    expect(instance.setOption).toHaveBeenLastCalledWith(second, { notMerge: true });
  });

  it('resizes with its container', async () => {
    const { getByRole } = render(<Chart option={barOption([1])} ariaLabel="耗时" />);
    await waitFor(() => expect(instance.setOption).toHaveBeenCalled());

    const observer = FakeResizeObserver.instances.find((o) => o.targets.has(getByRole('img', { name: '耗时' })));
    observer?.trigger();

    expect(observer).toBeDefined();
    expect(instance.resize).toHaveBeenCalledTimes(1);
  });

  it('disposes the chart and stops observing on unmount', async () => {
    const { unmount } = render(<Chart option={barOption([1])} ariaLabel="耗时" />);
    await waitFor(() => expect(instance.setOption).toHaveBeenCalled());
    const [observer] = FakeResizeObserver.instances;

    unmount();

    expect(instance.dispose).toHaveBeenCalledTimes(1);
    expect(observer?.targets.size).toBe(0);
  });
});
