export { BarChart, type BarChartProps, type BarDatum } from "./bar-chart.tsx";
export { binValues, type HistogramBin } from "./bins.ts";
export { DonutChart, type DonutChartProps, type DonutDatum } from "./donut-chart.tsx";
export { formatValue, type ValueFormat } from "./format.ts";
export { FunnelChart, type FunnelChartProps } from "./funnel-chart.tsx";
export { HistogramChart, type HistogramChartProps } from "./histogram-chart.tsx";
export { CHART_COLORS, seriesColor } from "./palette.ts";
export { type FunnelStep, funnelSteps, mergeSeries, type SeriesRow, type TimeSeries } from "./series.ts";
export { TimeSeriesChart, type TimeSeriesChartProps } from "./time-series-chart.tsx";
