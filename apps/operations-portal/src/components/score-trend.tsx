"use client";

import { TimeSeriesChart } from "@appbase/ui/charts";

/** Health (0-100) and anomaly (0-1, shown ×100) of one asset over time. */
export function ScoreTrend({
  points,
}: {
  points: { scoredAt: Date; healthScore: number; anomalyScore: number }[];
}) {
  return (
    <TimeSeriesChart
      title="Score trend"
      description="Health score and anomaly score ×100"
      series={[
        {
          key: "health",
          label: "Health",
          points: points.map((p) => ({ at: p.scoredAt, value: p.healthScore })),
        },
        {
          key: "anomaly",
          label: "Anomaly ×100",
          points: points.map((p) => ({ at: p.scoredAt, value: Math.round(p.anomalyScore * 1000) / 10 })),
        },
      ]}
      height={240}
    />
  );
}
