"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { binValues, type HistogramBin } from "./bins.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { formatValue, type ValueFormat, zeroBasedTicks } from "./format.ts";
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
  const last = buckets[buckets.length - 1];
  // About five edge labels whatever the bin count.
  const step = Math.max(1, Math.ceil(buckets.length / 5));
  const yTicks = zeroBasedTicks(Math.max(0, ...buckets.map((b) => b.count)));
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
          interval={0}
          tickLine={false}
          axisLine={{ stroke: "var(--ab-border)" }}
          tick={(tick: EdgeTickProps) => (
            <EdgeTick {...tick} step={step} count={buckets.length} lastEnd={last?.end} format={valueFormat} />
          )}
        />
        <YAxis
          ticks={yTicks}
          domain={yTicks ? [0, yTicks[yTicks.length - 1] ?? 1] : undefined}
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

type EdgeTickProps = {
  x: number | string;
  y: number | string;
  index: number;
  payload: { value: number; offset?: number };
};

/**
 * A category axis centres labels under bars; a histogram's labels belong on bin edges. So each kept
 * tick is drawn half a bar to the left, and the last bin also gets its closing edge.
 */
function EdgeTick(
  props: EdgeTickProps & { step: number; count: number; lastEnd?: number; format: ValueFormat },
) {
  const x = Number(props.x);
  const y = Number(props.y) + 12;
  const half = props.payload.offset ?? 0;
  const isLast = props.index === props.count - 1;
  return (
    <g>
      {props.index % props.step === 0 ? (
        <text x={x - half} y={y} textAnchor="middle" fill={AXIS_TICK.fill} fontSize={AXIS_TICK.fontSize}>
          {formatValue(props.payload.value, props.format)}
        </text>
      ) : null}
      {isLast && props.lastEnd !== undefined ? (
        <text x={x + half} y={y} textAnchor="middle" fill={AXIS_TICK.fill} fontSize={AXIS_TICK.fontSize}>
          {formatValue(props.lastEnd, props.format)}
        </text>
      ) : null}
    </g>
  );
}
