import type { ReactNode } from "react";
import type { KitLink } from "./kit-link.ts";

/**
 * A link to another kit's entity. When that kit is not deployed here the text stays, marked
 * "not deployed" with the reason on hover, instead of a link to a page that does not exist.
 */
export function KitEntityLink({ link, children }: { link: KitLink; children: ReactNode }) {
  if (link.deployed)
    return (
      <a className="ab-kit-link" href={link.href} data-kit={link.kit}>
        {children} <span className="ab-kit-link-kit">in {link.title}</span>
      </a>
    );
  return (
    <span className="ab-kit-link ab-kit-link-missing" data-kit={link.kit} title={link.reason}>
      {children} <span className="ab-kit-link-kit">({link.title} is not deployed)</span>
    </span>
  );
}
