import "server-only";
import { createKitLinks } from "@appbase/next-kit/kit-links";
import kit from "../../kit.ts";
import { serverEnv } from "./kit.ts";

/**
 * Deep links: `linkTo` another kit's entity, the `/go/{entity}/{id}` route other kits' links land on,
 * and `callKit`, which hands alerts to Agent Ops' owning route.
 */
export const { linkTo, entityLink, callKit } = createKitLinks(kit, serverEnv);
