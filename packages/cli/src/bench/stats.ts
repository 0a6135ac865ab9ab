/** Latency summary of one benchmark run, in milliseconds and operations per second. */
export interface LatencySummary {
  operations: number;
  concurrency: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  throughputPerSec: number;
}

/** The q-quantile (0..1) of sorted samples, by nearest rank. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Runs `op` `operations` times with `concurrency` workers and summarizes latencies. */
export async function measure(
  op: (i: number) => Promise<unknown>,
  options: { operations: number; concurrency: number },
): Promise<LatencySummary> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= options.operations) return;
      const t0 = performance.now();
      await op(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    operations: options.operations,
    concurrency: options.concurrency,
    p50Ms: round(quantile(latencies, 0.5)),
    p99Ms: round(quantile(latencies, 0.99)),
    meanMs: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
    throughputPerSec: Math.round((options.operations / elapsedMs) * 1000),
  };
}

/** Ratio of a candidate to its baseline, rounded for reports. */
export function ratio(candidate: number, baseline: number): number {
  return round(candidate / baseline);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
