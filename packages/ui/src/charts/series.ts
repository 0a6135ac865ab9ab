import { type Instant, toDate } from "../internal/time.ts";

/** One line/area: a named sequence of timestamped values. */
export type TimeSeries = {
  key: string;
  label: string;
  points: ReadonlyArray<{ at: Instant; value: number }>;
};

/** Row shape recharts wants: one row per timestamp (`t`, epoch ms) with a column per series key. */
export type SeriesRow = { t: number } & Record<string, number | null>;

/** Merges series into rows sorted by time; a series without a point at a time gets null (a gap). */
export function mergeSeries(series: readonly TimeSeries[]): SeriesRow[] {
  const rows = new Map<number, SeriesRow>();
  for (const s of series) {
    if (s.key === "t")
      throw new Error(`TimeSeries key "t" is reserved for the time axis; rename the series.`);
    for (const point of s.points) {
      const t = toDate(point.at, `series[${s.key}].points.at`).getTime();
      let row = rows.get(t);
      if (!row) {
        row = { t } as SeriesRow;
        for (const other of series) row[other.key] = null;
        rows.set(t, row);
      }
      row[s.key] = point.value;
    }
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** A funnel step with its conversion from the first and the previous step (fractions, 0–1). */
export type FunnelStep = { label: string; value: number; ofFirst: number; ofPrevious: number };

/** Adds conversion rates to funnel steps; a zero denominator yields 0, not NaN. */
export function funnelSteps(steps: ReadonlyArray<{ label: string; value: number }>): FunnelStep[] {
  const first = steps[0]?.value ?? 0;
  return steps.map((step, i) => {
    const previous = i === 0 ? step.value : (steps[i - 1]?.value ?? 0);
    return {
      label: step.label,
      value: step.value,
      ofFirst: first > 0 ? step.value / first : 0,
      ofPrevious: previous > 0 ? step.value / previous : 0,
    };
  });
}
