import * as echarts from 'echarts/core';
import type { ComposeOption, ECharts } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Register only what the console draws; add a chart or component here when a page needs it.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;
export type ChartInstance = Pick<ECharts, 'setOption' | 'resize' | 'dispose'>;

export function createChart(element: HTMLElement): ChartInstance {
  return echarts.init(element, undefined, { renderer: 'canvas' });
}
