"use client";

import { Bar, BarChart, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame.tsx";
import { formatValue, type ValueFormat } from "./format.ts";
import { seriesColor, TOOLTIP_STYLE } from "./palette.ts";
import { funnelSteps } from "./series.ts";

export type FunnelChartProps = {
  title: string;
  description?: string;
  steps: ReadonlyArray<{ label: string; value: number }>;
  valueFormat?: ValueFormat;
  /** Height per step in px. */
  rowHeight?: number;
};

/** Funnel as horizontal bars: each step's count with its conversion from the first step. */
export function FunnelChart({
  title,
  description,
  steps,
  valueFormat = "number",
  rowHeight = 36,
}: FunnelChartProps) {
  const computed = funnelSteps(steps);
  const rows = computed.map((s) => ({
    ...s,
    text: `${formatValue(s.value, valueFormat)} · ${formatValue(s.ofFirst, "percent")}`,
  }));
  const height = Math.max(1, rows.length) * rowHeight + 8;
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      table={{
        columns: ["Step", "Count", "Of first step", "Of previous step"],
        rows: computed.map((s) => [
          s.label,
          formatValue(s.value, valueFormat),
          formatValue(s.ofFirst, "percent"),
          formatValue(s.ofPrevious, "percent"),
        ]),
      }}
    >
      <BarChart
        responsive
        style={{ width: "100%", height }}
        data={rows}
        layout="vertical"
        barCategoryGap="22%"
        margin={{ top: 4, right: 96, bottom: 4, left: 0 }}
        accessibilityLayer={false}
      >
        <XAxis type="number" hide domain={[0, "dataMax"]} />
        <YAxis
          type="category"
          dataKey="label"
          tick={{ fill: "var(--ab-text)", fontSize: 12 }}
          tickLine={false}
          axisLine={false}
          width="auto"
        />
        <Tooltip
          cursor={{ fill: "var(--ab-hover)" }}
          contentStyle={TOOLTIP_STYLE}
          formatter={(_value, _name, item) => {
            const step = item.payload as (typeof rows)[number];
            return [
              `${formatValue(step.value, valueFormat)} (${formatValue(step.ofPrevious, "percent")} of previous)`,
              "Count",
            ];
          }}
        />
        <Bar
          dataKey="value"
          radius={[0, 3, 3, 0]}
          isAnimationActive={false}
          background={{ fill: "var(--ab-surface-sunken)", radius: 3 }}
        >
          {rows.map((row, i) => (
            <Cell
              key={row.label}
              fill={seriesColor(0)}
              fillOpacity={1 - (i / Math.max(1, rows.length)) * 0.45}
            />
          ))}
          <LabelList dataKey="text" position="right" fill="var(--ab-text-muted)" fontSize={12} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
