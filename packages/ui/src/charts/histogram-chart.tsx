"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { binValues, type HistogramBin } from "./bins.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { formatValue, type ValueFormat } from "./format.ts";
import { AXIS_TICK, GRID_STROKE, seriesColor, TOOLTIP_STYLE } from "./palette.ts";

export type HistogramChartProps = {
  title: string;
  description?: string;
  /** Pre-computed bins (see `binValues`), or raw `values` to bin here. */
  bins?: readonly HistogramBin[];
  values?: readonly number[];
  binCount?: number;
  /** Format of the measured value on the x axis (e.g. "ms" for latencies, "decimal" for scores). */
  valueFormat?: ValueFormat;
  height?: number;
};

/** Distribution of one measure: touching bars over equal-width value ranges. */
export function HistogramChart({
  title,
  description,
  bins,
  values,
  binCount,
  valueFormat = "decimal",
  height = 220,
}: HistogramChartProps) {
  const buckets = bins ?? binValues(values ?? [], { bins: binCount });
  const range = (b: HistogramBin) =>
    `${formatValue(b.start, valueFormat)}–${formatValue(b.end, valueFormat)}`;
  const rows = buckets.map((b) => ({ range: range(b), start: b.start, count: b.count }));
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      table={{ columns: ["Range", "Count"], rows: buckets.map((b) => [range(b), formatValue(b.count)]) }}
    >
      <BarChart
        responsive
        style={{ width: "100%", height }}
        data={rows}
        barCategoryGap={1}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis
          dataKey="start"
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={{ stroke: "var(--ab-border)" }}
          tickFormatter={(v: number) => formatValue(v, valueFormat)}
          minTickGap={16}
        />
        <YAxis
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width="auto"
          allowDecimals={false}
          tickFormatter={(v: number) => formatValue(v, "compact")}
        />
        <Tooltip
          cursor={{ fill: "var(--ab-hover)" }}
          contentStyle={TOOLTIP_STYLE}
          labelFormatter={(_, payload) => String(payload[0]?.payload?.range ?? "")}
          formatter={(value) => [formatValue(Number(value)), "Count"]}
        />
        <Bar dataKey="count" fill={seriesColor(0)} radius={[2, 2, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
