import { z } from "zod";
import type { GenerateOptions, Scale, ScaleName } from "./types.ts";

/** Root row counts; every child table derives its size from these. */
export interface ScaleSpec {
  customers: number;
  threads: number;
  entities: number;
  policies: number;
  sites: number;
  assets: number;
  /** Alert-raising passes over each entity (each adds about 0.52 alerts per entity). */
  alertWaves: number;
  /** Health readings per asset, and the hours between two readings. */
  scoreReadings: number;
  scoreIntervalHours: number;
}

/** History depth of the scales below `large`: one alert pass, readings every six hours over six days. */
const RECENT_HISTORY = { alertWaves: 1, scoreReadings: 24, scoreIntervalHours: 6 } as const;

/**
 * Named scales. `default` is what first-run seeding loads, sized so that loading over
 * pglite-socket stays well under a minute on two cores; `large` is production-sized for
 * benchmarks: 1M customers (6M features, 4.5M interactions), about 1M alerts (eight passes over
 * 250k entities), 100k assets with a year of weekly health readings (5.2M), 40k agent threads.
 */
export const scales: Record<ScaleName, ScaleSpec> = {
  tiny: { customers: 100, threads: 30, entities: 50, policies: 12, sites: 3, assets: 30, ...RECENT_HISTORY },
  default: {
    customers: 25_000,
    threads: 4_000,
    entities: 8_000,
    policies: 200,
    sites: 20,
    assets: 2_000,
    ...RECENT_HISTORY,
  },
  large: {
    customers: 1_000_000,
    threads: 40_000,
    entities: 250_000,
    policies: 800,
    sites: 500,
    assets: 100_000,
    alertWaves: 8,
    scoreReadings: 52,
    scoreIntervalHours: 7 * 24,
  },
};

const scaleSchema = z.union([z.enum(["tiny", "default", "large"]), z.number().int().min(1).max(20_000_000)]);

/** Resolves a named or numeric scale (numeric = number of customers) to root row counts. */
export function resolveScale(scale: Scale): ScaleSpec {
  const parsed = scaleSchema.safeParse(scale);
  if (!parsed.success) {
    throw new Error(
      `scale: expected "tiny", "default", "large" or a whole number of customers (1..20000000), got ${JSON.stringify(scale)}`,
    );
  }
  const value = parsed.data;
  if (typeof value === "string") return scales[value];
  const base = scales.default;
  const ratio = value / base.customers;
  const at = (n: number, min: number) => Math.max(min, Math.round(n * ratio));
  return {
    customers: value,
    threads: at(base.threads, 1),
    entities: at(base.entities, 1),
    policies: Math.min(at(base.policies, 5), 5_000),
    sites: Math.min(at(base.sites, 1), 2_000),
    assets: at(base.assets, 1),
    ...RECENT_HISTORY,
  };
}

/** Validates a scale from outside (CLI flag, config): a name, a number, or digits such as "25000". */
export function parseScale(input: string | number): Scale {
  const value = typeof input === "string" && /^\d+$/.test(input) ? Number(input) : input;
  resolveScale(value as Scale);
  return value as Scale;
}

/** The default "now" of every data set: a fixed instant so output never depends on the clock. */
export const DEFAULT_EPOCH = "2026-01-01T00:00:00.000Z";

const optionsSchema = z.object({
  seed: z.number().int().min(0).max(0xffffffff),
  scale: z.union([z.string(), z.number()]),
  epoch: z.iso.datetime({ offset: true }).optional(),
});

export interface ResolvedOptions {
  seed: number;
  spec: ScaleSpec;
  /** Epoch in milliseconds since 1970. */
  epochMs: number;
}

/** Validates generator options and resolves the scale and epoch. */
export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "options";
    const hint =
      field === "seed"
        ? "use a whole number between 0 and 4294967295"
        : field === "epoch"
          ? 'use an ISO-8601 timestamp such as "2026-01-01T00:00:00Z"'
          : "see GenerateOptions";
    throw new Error(`${field}: ${issue?.message ?? "invalid"} (${hint})`);
  }
  return {
    seed: parsed.data.seed,
    spec: resolveScale(parsed.data.scale as Scale),
    epochMs: Date.parse(parsed.data.epoch ?? DEFAULT_EPOCH),
  };
}
