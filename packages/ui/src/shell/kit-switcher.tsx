import { cx } from "../internal/cx.ts";
import type { KitLink } from "./types.ts";

/** Segmented links across the kits; kits that are not running are shown disabled with their hint. */
export function KitSwitcher({ kits }: { kits: readonly KitLink[] }) {
  if (kits.length === 0) return null;
  return (
    <nav className="ab-kits" aria-label="Kits">
      <ul className="ab-kits__list">
        {kits.map((kit) => {
          const running = kit.running !== false;
          if (!running) {
            const hint = kit.hint ?? "Not running";
            return (
              <li key={kit.id}>
                <span className="ab-kits__item ab-kits__item--disabled" aria-disabled="true" title={hint}>
                  {kit.title}
                  <span className="ab-sr-only"> ({hint})</span>
                </span>
              </li>
            );
          }
          return (
            <li key={kit.id}>
              <a
                className={cx("ab-kits__item", kit.current && "ab-kits__item--current")}
                href={kit.url}
                aria-current={kit.current ? "page" : undefined}
              >
                {kit.title}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
