import { createEntityLinkRoute } from "./entity-link-route.ts";
import type { EntityLinks } from "./entity-links.ts";
import { type KitLink, kitLink } from "./kit-link.ts";
import { createLinkTargets } from "./link-targets.ts";

/**
 * A kit's deep links, wired once in its src/server/links.ts: `linkTo` for links to other kits'
 * entities (resolved from `APPBASE_KITS` locally, the bound apps on Databricks) and `entityLink`, the
 * `GET /go/{entity}/{id}` route other kits' links land on.
 */
export function createKitLinks(
  kit: { id: string; links?: EntityLinks | undefined },
  env: () => Readonly<Record<string, unknown>>,
) {
  const targets = createLinkTargets(env, { logger: console });
  return {
    /** A link to entity `entity` with id `id` in another kit, or why there is none (not deployed). */
    linkTo: async (to: { kit: string; entity: string; id: string }): Promise<KitLink> =>
      kitLink(await targets(), to),
    entityLink: createEntityLinkRoute(kit),
  };
}
