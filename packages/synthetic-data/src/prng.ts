/**
 * Seeded pseudo-random numbers. Every generator draws from a `Prng` derived from
 * (seed, table tag, row index) so any row can be recomputed without generating the
 * rows before it, and parent/child tables agree without sharing state.
 */

/** Mixes a 32-bit integer (murmur3 finalizer); used to derive independent streams. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a hash of a string, so table tags become stream keys. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines a seed with any number of integer or string keys into one 32-bit stream key. */
export function streamKey(seed: number, ...keys: Array<number | string>): number {
  let h = mix32(seed ^ 0x9e3779b9);
  for (const key of keys) {
    const k = typeof key === "string" ? hashString(key) : mix32(key + 0x7f4a7c15);
    h = mix32(h ^ k) + 0x6d2b79f5;
  }
  return h >>> 0;
}

export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/** sfc32 generator with helpers for the distributions the domains need. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = key >>> 0;
    // Warm up so nearby keys do not produce correlated first draws.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    const t = (this.a + this.b + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("Prng.pick: the list to pick from is empty");
    return item;
  }

  /** One value by relative weight. */
  weighted<T>(choices: Weighted<T>): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (last === undefined) throw new Error("Prng.weighted: the list of choices is empty");
    return last[0];
  }

  /** `count` distinct elements in random order (count is capped at the list length). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice();
    const n = Math.min(count, pool.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      const tmp = pool[i] as T;
      pool[i] = pool[j] as T;
      pool[j] = tmp;
    }
    return pool.slice(0, n);
  }

  /** Standard normal draw (Box-Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal draw: exp(N(mu, sigma)). */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /** Exponential draw with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Poisson draw (Knuth; fine for the small means used here). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Beta-like draw in (0, 1) from a logistic of a normal, centred on `mean`. */
  unitInterval(mean: number, spread: number): number {
    const logit = Math.log(mean / (1 - mean));
    return 1 / (1 + Math.exp(-this.normal(logit, spread)));
  }

  /** Lowercase hex string of `length` characters. */
  hex(length: number): string {
    let out = "";
    while (out.length < length) out += this.nextUint32().toString(16).padStart(8, "0");
    return out.slice(0, length);
  }
}

/** A generator for one row (or one parent) of one table: `rngFor(seed, "customers", 42)`. */
export function rngFor(seed: number, ...keys: Array<number | string>): Prng {
  return new Prng(streamKey(seed, ...keys));
}
