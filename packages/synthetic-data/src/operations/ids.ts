import { Prng, streamKey } from "../prng.ts";
import { padId } from "../time.ts";

/** Site id for a zero-based index: `S0001`. */
export function siteId(index: number): string {
  return padId("S", index + 1, 4);
}

/** Asset id for a zero-based index: `AS000001`. */
export function assetId(index: number): string {
  return padId("AS", index + 1, 6);
}

/**
 * Site index of an asset. Seed-independent and skewed (a few large plants, many small
 * sites) so every table that needs it agrees without generating the sites table.
 */
export function siteIndexForAsset(assetIndex: number, sites: number): number {
  const r = new Prng(streamKey(0, "asset_site", assetIndex));
  // A power of a uniform draw concentrates assets on the lower-numbered (larger) sites.
  return Math.min(sites - 1, Math.floor(r.next() ** 1.6 * sites));
}

/** Site id of an asset. */
export function siteIdForAsset(assetIndex: number, sites: number): string {
  return siteId(siteIndexForAsset(assetIndex, sites));
}
