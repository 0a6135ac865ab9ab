import { type EntityLinks, entityPath } from "./entity-links.ts";

/**
 * `GET /go/{entity}/{id}`: opens one of this kit's entities for a link from another kit, by
 * redirecting to the page its `links` declare. The page checks the viewer's permission itself;
 * an entity this kit does not declare is a 404 that says which ones it does.
 */
export function createEntityLinkRoute(kit: { id: string; links?: EntityLinks | undefined }) {
  return async function GET(
    _request: Request,
    context: { params: Promise<{ entity: string; id: string }> },
  ): Promise<Response> {
    const { entity, id } = await context.params;
    const path = entityPath(kit.links, entity, id);
    if (!path) {
      const known = Object.keys(kit.links ?? {}).join(", ") || "none";
      return new Response(
        `${kit.id} has no ${entity} ${JSON.stringify(id)} to open (it links: ${known}).\n`,
        { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } },
      );
    }
    // Relative to the request, so the redirect stays on whatever host the proxy served (Apps or local).
    return new Response(null, { status: 307, headers: { location: path } });
  };
}
