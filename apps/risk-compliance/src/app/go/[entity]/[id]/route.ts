import { entityLink } from "../../../../server/links.ts";

// GET /go/{entity}/{id}: opens one of the entities kit.ts `links` declares, for a link from another kit.
export const GET = entityLink;
