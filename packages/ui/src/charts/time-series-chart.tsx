"use client";

import { Area, AreaChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatTimestamp } from "../internal/time.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { formatTimeTick, formatValue, type ValueFormat, zeroBasedTicks } from "./format.ts";
import { AXIS_TICK, GRID_STROKE, seriesColor, TOOLTIP_STYLE } from "./palette.ts";
import { mergeSeries, type TimeSeries } from "./series.ts";

export type TimeSeriesChartProps = {
  title: string;
  description?: string;
  series: readonly TimeSeries[];
  /** "area" fills under each line; `stacked` stacks the areas. */
  kind?: "line" | "area";
  stacked?: boolean;
  valueFormat?: ValueFormat;
  height?: number;
  timeZone?: string;
};

/** One or more values over time, as lines or (stacked) areas. */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const {
    title,
    description,
    series,
    kind = "line",
    stacked,
    valueFormat = "number",
    height = 240,
    timeZone = "UTC",
  } = props;
  const rows = mergeSeries(series);
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  // Stacked areas reach the sum of the series at a time, not the largest single value.
  const peak = stacked
    ? Math.max(0, ...rows.map((row) => series.reduce((sum, s) => sum + (row[s.key] ?? 0), 0)))
    : Math.max(0, ...values);
  const yTicks = values.every((v) => v >= 0) ? zeroBasedTicks(peak) : undefined;
  const span = rows.length > 1 ? (rows[rows.length - 1]?.t ?? 0) - (rows[0]?.t ?? 0) : 0;
  const common = {
    responsive: true,
    style: { width: "100%", height },
    data: rows,
    margin: { top: 8, right: 12, bottom: 0, left: 0 },
    accessibilityLayer: false,
  };
  const axes = [
    <CartesianGrid key="grid" vertical={false} stroke={GRID_STROKE} />,
    <XAxis
      key="x"
      dataKey="t"
      type="number"
      scale="time"
      domain={["dataMin", "dataMax"]}
      tick={AXIS_TICK}
      tickLine={false}
      axisLine={{ stroke: "var(--ab-border)" }}
      tickFormatter={(t: number) => formatTimeTick(t, span, timeZone)}
      minTickGap={24}
    />,
    <YAxis
      ticks={yTicks}
      domain={yTicks ? [0, yTicks[yTicks.length - 1] ?? 1] : undefined}
      key="y"
      tick={AXIS_TICK}
      tickLine={false}
      axisLine={false}
      width="auto"
      tickFormatter={(v: number) => formatValue(v, valueFormat === "number" ? "compact" : valueFormat)}
    />,
    <Tooltip
      key="tooltip"
      contentStyle={TOOLTIP_STYLE}
      labelFormatter={(t) => formatTimestamp(new Date(Number(t)), timeZone)}
      formatter={(value, name) => [formatValue(Number(value), valueFormat), name]}
    />,
  ];
  const legend =
    series.length > 1 ? series.map((s, i) => ({ label: s.label, color: seriesColor(i) })) : undefined;
  const table = {
    columns: ["Time", ...series.map((s) => s.label)],
    rows: rows.map((row) => [
      formatTimestamp(new Date(row.t), timeZone),
      ...series.map((s) => {
        const value = row[s.key];
        return value === null || value === undefined ? "—" : formatValue(value, valueFormat);
      }),
    ]),
  };
  return (
    <ChartFrame title={title} description={description} height={height} table={table} legend={legend}>
      {kind === "area" ? (
        <AreaChart {...common}>
          {axes}
          {series.map((s, i) => (
            <Area
              key={s.key}
              dataKey={s.key}
              name={s.label}
              type="monotone"
              stackId={stacked ? "stack" : undefined}
              stroke={seriesColor(i)}
              strokeWidth={1.5}
              fill={seriesColor(i)}
              fillOpacity={stacked ? 0.55 : 0.14}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      ) : (
        <LineChart {...common}>
          {axes}
          {series.map((s, i) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              type="monotone"
              stroke={seriesColor(i)}
              strokeWidth={1.75}
              dot={false}
              activeDot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </ChartFrame>
  );
}
