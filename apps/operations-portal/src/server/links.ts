import "server-only";
import { createKitLinks } from "@appbase/next-kit/kit-links";
import kit from "../../kit.ts";
import { serverEnv } from "./kit.ts";

/** Deep links: `linkTo` another kit's entity, and the `/go/{entity}/{id}` route other kits' links land on. */
export const { linkTo, entityLink } = createKitLinks(kit, serverEnv);
