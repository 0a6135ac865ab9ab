import { createEntityLinkRoute } from "./entity-link-route.ts";
import type { EntityLinks } from "./entity-links.ts";
import { createKitCaller } from "./kit-call.ts";
import { type KitLink, kitLink } from "./kit-link.ts";
import { createLinkTargets } from "./link-targets.ts";

/**
 * A kit's deep links, wired once in its src/server/links.ts: `linkTo` for links to other kits'
 * entities (resolved from `APPBASE_KITS` locally, the bound apps on Databricks) and `entityLink`, the
 * `GET /go/{entity}/{id}` route other kits' links land on, and `callKit`, a call to another kit's
 * owning route as this kit's app (the same binding gives its URL).
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
    callKit: createKitCaller({
      caller: kit.id,
      targets,
      mode: () => (env().mode === "apps" ? "apps" : "local"),
      principal: () => {
        const e = env();
        const text = (name: string) => (typeof e[name] === "string" ? (e[name] as string) : undefined);
        return {
          host: text("DATABRICKS_HOST"),
          clientId: text("DATABRICKS_CLIENT_ID"),
          clientSecret: text("DATABRICKS_CLIENT_SECRET"),
        };
      },
    }),
  };
}
