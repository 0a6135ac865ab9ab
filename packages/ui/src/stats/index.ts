export { ProgressBar, type ProgressBarProps } from "./progress-bar.tsx";
export { Stat, type StatProps } from "./stat.tsx";
