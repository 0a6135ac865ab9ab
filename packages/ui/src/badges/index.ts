export { Banner, type BannerProps } from "./banner.tsx";
export {
  classifyFreshness,
  type Freshness,
  type FreshnessInput,
  type FreshnessState,
} from "./freshness.ts";
export { FreshnessBadge, type FreshnessBadgeProps } from "./freshness-badge.tsx";
export { StatusBadge, type StatusBadgeProps } from "./status-badge.tsx";
export type { BannerTone, Tone } from "./tone.ts";
