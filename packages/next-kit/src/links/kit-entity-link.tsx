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

/**
 * The note on a record an agent created in another kit's run (a Risk case it filed, a work order it
 * proposed): `label` names the section, `lead` says how the record came to be, and the thread it came
 * from is linked in the agent kit.
 */
export function AgentProvenance({
  label,
  lead,
  thread,
  threadId,
}: {
  label: string;
  lead: string;
  thread: KitLink;
  threadId: string;
}) {
  return (
    <section aria-label={label}>
      <p>
        {lead}: <KitEntityLink link={thread}>thread {threadId}</KitEntityLink>
      </p>
    </section>
  );
}
