import { useEffect, useRef, type CSSProperties } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  type GridComponentOption, type LegendComponentOption, type TitleComponentOption, type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the chart types the app draws are registered, so the echarts chunk stays small.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption | LineSeriesOption | PieSeriesOption
  | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption
>;

/** Office palette: calm blues first, warm colours for what needs attention. */
export const CHART_COLORS = ['#1d5fbf', '#36a3a0', '#f0a020', '#7b61c9', '#e0604f', '#5b8ff9', '#8fbf3f', '#d4639f'];

/** Binds an ECharts instance to a div: init once, setOption on change, resize with the box, dispose. */
export function useEChart(option: ChartOption) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption({ color: CHART_COLORS, ...option }, true);
  }, [option]);

  return ref;
}

export function EChart({ option, height = 280, style, testId }: { option: ChartOption; height?: number; style?: CSSProperties; testId?: string }) {
  const ref = useEChart(option);
  return <div ref={ref} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
