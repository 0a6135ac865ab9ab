export { type FigureColumn, FiguresTable, type FiguresTableProps } from "./figures-table.tsx";
export { ProgressBar, type ProgressBarProps } from "./progress-bar.tsx";
export { Stat, type StatProps } from "./stat.tsx";
