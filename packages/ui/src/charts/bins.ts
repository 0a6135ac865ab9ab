/** One histogram bucket: [start, end), the last one closed. */
export type HistogramBin = { start: number; end: number; count: number };

/**
 * Buckets values into equal-width bins (Sturges' rule unless `bins` is given). Pure, so large inputs
 * can be binned on the server and only the bins sent to the browser.
 */
export function binValues(
  values: readonly number[],
  options: { bins?: number; min?: number; max?: number } = {},
): HistogramBin[] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [];
  let min = options.min ?? Math.min(...finite);
  let max = options.max ?? Math.max(...finite);
  if (max < min) throw new Error(`binValues: max (${max}) is below min (${min}); swap them.`);
  if (max === min) {
    // All values equal: one bin of width 1 centred on them reads better than a zero-width bar.
    min -= 0.5;
    max += 0.5;
  }
  const count = Math.max(
    1,
    Math.min(200, Math.round(options.bins ?? Math.ceil(Math.log2(finite.length) + 1))),
  );
  const width = (max - min) / count;
  const bins: HistogramBin[] = Array.from({ length: count }, (_, i) => ({
    start: min + i * width,
    end: i === count - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const value of finite) {
    if (value < min || value > max) continue;
    const index = Math.min(count - 1, Math.floor((value - min) / width));
    const bin = bins[index];
    if (bin) bin.count += 1;
  }
  return bins;
}
