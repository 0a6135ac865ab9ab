import { type Attributes, type Gauge, type Meter, metrics } from "@opentelemetry/api";

/** The AppBase meter, asked for at use (the global provider is installed at startup, after imports). */
export function meter(): Meter {
  return metrics.getMeter("appbase");
}

const gauges = new Map<string, { meter: Meter; gauge: Gauge }>();

/** Records the current value of a gauge (sync lag, a queue's depth) with its attributes. */
export function recordGauge(
  name: string,
  value: number,
  attributes: Attributes,
  options: { unit?: string; description?: string } = {},
): void {
  const current = meter();
  let entry = gauges.get(name);
  // A gauge made before the provider was installed is a no-op: make it again on the real meter.
  if (!entry || entry.meter !== current) {
    entry = { meter: current, gauge: current.createGauge(name, options) };
    gauges.set(name, entry);
  }
  entry.gauge.record(value, attributes);
}
