import { cx } from "../internal/cx.ts";
import type { NavLink } from "./types.ts";

/** The kit's section tabs; the current one is marked with aria-current. */
export function NavLinks({ links, label = "Sections" }: { links: readonly NavLink[]; label?: string }) {
  if (links.length === 0) return null;
  return (
    <nav className="ab-nav" aria-label={label}>
      <ul className="ab-nav__list">
        {links.map((link) => (
          <li key={link.href}>
            <a
              className={cx("ab-nav__link", link.current && "ab-nav__link--current")}
              href={link.href}
              aria-current={link.current ? "page" : undefined}
            >
              {link.label}
              {link.count !== undefined ? <span className="ab-nav__count">{link.count}</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
