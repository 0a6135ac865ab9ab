export { formatAge } from "../internal/time.ts";
export { Banner, type BannerProps } from "./banner.tsx";
export { FreshnessBadge, type FreshnessBadgeProps, type FreshnessState } from "./freshness-badge.tsx";
export { StatusBadge, type StatusBadgeProps } from "./status-badge.tsx";
export type { BannerTone, Tone } from "./tone.ts";
