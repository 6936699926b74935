import { BarChart, HeatmapChart, LineChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// ECharts, tree-shaken to the charts the reports draw; this module loads only with the reports
// page. Every chart has a table beside it on the page.
echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

function useChart(option: echarts.EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: "svg" });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [option]);
  return ref;
}

/**
 * One series. `axis: 1` puts it on a second y-axis at the right (a different unit, e.g. arrivals
 * beside operators), drawn as a line; `whole` keeps its axis to whole numbers (people, tickets).
 */
export type BarSeries = { name: string; values: number[]; axis?: 0 | 1; whole?: boolean };

/** Grouped bars (or lines) over categories. */
export function BarsChart({
  categories,
  series,
  line = false,
  label,
}: {
  categories: string[];
  series: BarSeries[];
  line?: boolean;
  label: string;
}) {
  const ref = useChart({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 48, right: series.some((s) => s.axis === 1) ? 48 : 16, top: 36, bottom: 28 },
    xAxis: { type: "category", data: categories },
    yAxis: [0, 1]
      .filter((axis) => axis === 0 || series.some((s) => s.axis === axis))
      .map((axis) => ({
        type: "value",
        position: axis === 0 ? "left" : "right",
        minInterval: series.some((s) => (s.axis ?? 0) === axis && s.whole) ? 1 : 0,
        splitLine: { show: axis === 0 },
      })),
    series: series.map((s) => ({
      type: line || s.axis === 1 ? "line" : "bar",
      name: s.name,
      data: s.values,
      yAxisIndex: s.axis ?? 0,
    })),
  });
  return <div ref={ref} role="img" aria-label={label} className="h-64 w-full" />;
}

/** Hour × weekday heatmap. */
export function HeatChart({
  cells,
  weekdays,
  label,
}: {
  cells: { weekday: number; hour: number; value: number }[];
  weekdays: string[];
  label: string;
}) {
  const max = Math.max(1, ...cells.map((c) => c.value));
  const ref = useChart({
    animation: false,
    tooltip: {},
    grid: { left: 48, right: 16, top: 8, bottom: 64 },
    xAxis: { type: "category", data: Array.from({ length: 24 }, (_, h) => String(h)) },
    yAxis: { type: "category", data: weekdays, inverse: true },
    visualMap: {
      min: 0,
      max,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      calculable: false,
      inRange: { color: ["#eef2ff", "#4338ca"] },
    },
    series: [
      {
        type: "heatmap",
        data: cells.map((c) => [c.hour, c.weekday - 1, c.value]),
      },
    ],
  });
  return <div ref={ref} role="img" aria-label={label} className="h-72 w-full" />;
}
