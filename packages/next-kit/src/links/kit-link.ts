import { isEntityId } from "./entity-links.ts";

/** The route every kit serves to open one of its entities by name and id (see entity-link-route.ts). */
export const ENTITY_LINK_ROUTE = "/go";

/** A kit another kit can link to: deployed (or running) at `url`. */
export interface LinkTarget {
  readonly id: string;
  readonly title?: string | undefined;
  readonly url: string;
}

/** Where a link to another kit's entity goes, or why it goes nowhere. */
export type KitLink =
  | { readonly deployed: true; readonly kit: string; readonly title: string; readonly href: string }
  | { readonly deployed: false; readonly kit: string; readonly title: string; readonly reason: string };

/**
 * The link to entity `entity` with id `id` in kit `kit`. The target kit resolves the page path from
 * its own `links` declaration (one source of truth), so the linking kit needs only the target's URL.
 * A kit that is not among `targets` is not deployed here: the link says so instead of pointing nowhere.
 */
export function kitLink(
  targets: readonly LinkTarget[],
  to: { kit: string; entity: string; id: string },
): KitLink {
  const target = targets.find((t) => t.id === to.kit);
  const title = target?.title ?? to.kit;
  if (!target)
    return {
      deployed: false,
      kit: to.kit,
      title,
      reason: `${title} is not deployed here, so its ${to.entity} ${to.id} cannot be opened.`,
    };
  if (!isEntityId(to.id))
    return {
      deployed: false,
      kit: to.kit,
      title,
      reason: `${JSON.stringify(to.id)} is not a ${to.entity} id.`,
    };
  const base = target.url.replace(/\/+$/, "");
  return {
    deployed: true,
    kit: to.kit,
    title,
    href: `${base}${ENTITY_LINK_ROUTE}/${encodeURIComponent(to.entity)}/${to.id}`,
  };
}
