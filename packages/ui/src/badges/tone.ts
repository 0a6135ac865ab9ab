/** Status colours shared by badges, banners and queue items. */
export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

/** The subset of tones used for page-level notices. */
export type BannerTone = "info" | "warning" | "danger";
