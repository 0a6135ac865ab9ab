"use client";

import { Bar, CartesianGrid, Cell, BarChart as RBarChart, Tooltip, XAxis, YAxis } from "recharts";
import type { Tone } from "../badges/tone.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { formatValue, type ValueFormat, zeroBasedTicks } from "./format.ts";
import { AXIS_TICK, GRID_STROKE, seriesColor, TOOLTIP_STYLE } from "./palette.ts";

export type BarDatum = { label: string; value: number; tone?: Tone };

export type BarChartProps = {
  title: string;
  description?: string;
  data: readonly BarDatum[];
  valueFormat?: ValueFormat;
  /** Name of the value in tooltips and the data table, e.g. "Open alerts". */
  valueLabel?: string;
  height?: number;
  /** Colour every bar differently (categorical) instead of one accent colour. */
  colorful?: boolean;
};

/** Vertical bars comparing one number across categories. */
export function BarChart({
  title,
  description,
  data,
  valueFormat = "number",
  valueLabel = "Value",
  height = 240,
  colorful,
}: BarChartProps) {
  const rows = data.map((d) => ({ ...d }));
  const yTicks = data.every((d) => d.value >= 0)
    ? zeroBasedTicks(Math.max(0, ...data.map((d) => d.value)))
    : undefined;
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      table={{
        columns: ["Category", valueLabel],
        rows: data.map((d) => [d.label, formatValue(d.value, valueFormat)]),
      }}
    >
      <RBarChart
        responsive
        style={{ width: "100%", height }}
        data={rows}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis
          dataKey="label"
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={{ stroke: "var(--ab-border)" }}
          interval="preserveStartEnd"
        />
        <YAxis
          ticks={yTicks}
          domain={yTicks ? [0, yTicks[yTicks.length - 1] ?? 1] : undefined}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width="auto"
          tickFormatter={(v: number) => formatValue(v, valueFormat === "number" ? "compact" : valueFormat)}
        />
        <Tooltip
          cursor={{ fill: "var(--ab-hover)" }}
          contentStyle={TOOLTIP_STYLE}
          formatter={(value) => [formatValue(Number(value), valueFormat), valueLabel]}
        />
        <Bar
          dataKey="value"
          name={valueLabel}
          radius={[3, 3, 0, 0]}
          maxBarSize={48}
          isAnimationActive={false}
        >
          {data.map((d, i) => (
            <Cell key={d.label} fill={d.tone || colorful ? seriesColor(i, d.tone) : seriesColor(0)} />
          ))}
        </Bar>
      </RBarChart>
    </ChartFrame>
  );
}
