"use client";

import { Cell, Pie, PieChart, Tooltip } from "recharts";
import type { Tone } from "../badges/tone.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { formatValue, type ValueFormat } from "./format.ts";
import { seriesColor, TOOLTIP_STYLE } from "./palette.ts";

export type DonutDatum = { label: string; value: number; tone?: Tone };

export type DonutChartProps = {
  title: string;
  description?: string;
  data: readonly DonutDatum[];
  valueFormat?: ValueFormat;
  /** Text under the total in the middle, e.g. "customers". */
  centerLabel?: string;
  height?: number;
  /** A full pie instead of a ring. */
  pie?: boolean;
};

/** Share of a whole: a ring with the total in the middle and a legend with each share. */
export function DonutChart({
  title,
  description,
  data,
  valueFormat = "number",
  centerLabel,
  height = 220,
  pie,
}: DonutChartProps) {
  const total = data.reduce((sum, d) => sum + d.value, 0);
  const share = (value: number) => formatValue(total > 0 ? value / total : 0, "percent");
  const rows = data.map((d) => ({ ...d }));
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      table={{
        columns: ["Category", "Value", "Share"],
        rows: data.map((d) => [d.label, formatValue(d.value, valueFormat), share(d.value)]),
      }}
      legend={data.map((d, i) => ({
        label: d.label,
        color: seriesColor(i, d.tone),
        value: `${formatValue(d.value, valueFormat)} · ${share(d.value)}`,
      }))}
    >
      <div className="ab-donut">
        <PieChart responsive style={{ width: "100%", height }} accessibilityLayer={false}>
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            formatter={(value, name) => [
              `${formatValue(Number(value), valueFormat)} (${share(Number(value))})`,
              name,
            ]}
          />
          <Pie
            data={rows}
            dataKey="value"
            nameKey="label"
            innerRadius={pie ? 0 : "62%"}
            outerRadius="90%"
            paddingAngle={data.length > 1 && !pie ? 1.5 : 0}
            stroke="var(--ab-surface)"
            strokeWidth={1}
            isAnimationActive={false}
          >
            {data.map((d, i) => (
              <Cell key={d.label} fill={seriesColor(i, d.tone)} />
            ))}
          </Pie>
        </PieChart>
        {pie ? null : (
          <div className="ab-donut__center" aria-hidden="true">
            <span className="ab-donut__total">
              {formatValue(total, valueFormat === "percent" ? "number" : valueFormat)}
            </span>
            {centerLabel ? <span className="ab-donut__label">{centerLabel}</span> : null}
          </div>
        )}
      </div>
    </ChartFrame>
  );
}
