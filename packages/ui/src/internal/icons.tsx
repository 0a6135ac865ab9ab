// Inline SVG icons: no icon font or sprite to load, and they inherit `currentColor`.
type IconProps = { size?: number; className?: string };

function svgProps(size: number, className?: string) {
  return {
    width: size,
    height: size,
    viewBox: "0 0 16 16",
    fill: "none",
    stroke: "currentColor",
    strokeWidth: 1.5,
    strokeLinecap: "round" as const,
    strokeLinejoin: "round" as const,
    focusable: false,
    className: className ?? "ab-icon",
  };
}

/** Padlock, used wherever a value is withheld for lack of a permission. */
export function LockIcon({ size = 12, className }: IconProps) {
  return (
    <svg {...svgProps(size, className)} aria-hidden="true">
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}

/** Circle with an "i", for informational notices. */
export function InfoIcon({ size = 16, className }: IconProps) {
  return (
    <svg {...svgProps(size, className)} aria-hidden="true">
      <circle cx="8" cy="8" r="6.25" />
      <path d="M8 7.25v3.75M8 5h.01" />
    </svg>
  );
}

/** Triangle with "!", for warnings and errors. */
export function AlertIcon({ size = 16, className }: IconProps) {
  return (
    <svg {...svgProps(size, className)} aria-hidden="true">
      <path d="M8 2.25 1.75 13.25h12.5L8 2.25Z" />
      <path d="M8 6.5v3M8 11.5h.01" />
    </svg>
  );
}

/** Small chevron that shows sort direction or disclosure. */
export function ChevronIcon({
  size = 12,
  className,
  direction = "down",
}: IconProps & { direction?: "up" | "down" }) {
  return (
    <svg {...svgProps(size, className)} aria-hidden="true">
      <path d={direction === "up" ? "M4 10l4-4 4 4" : "M4 6l4 4 4-4"} />
    </svg>
  );
}

/** Empty tray, for empty states. */
export function TrayIcon({ size = 28, className }: IconProps) {
  return (
    <svg {...svgProps(size, className)} aria-hidden="true">
      <path d="M2 9.5 4 3.5h8l2 6v3a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1v-3Z" />
      <path d="M2 9.5h3.5l1 1.5h3l1-1.5H14" />
    </svg>
  );
}
