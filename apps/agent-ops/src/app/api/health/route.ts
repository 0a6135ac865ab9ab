import { server } from "../../../server/kit.ts";

export const dynamic = "force-dynamic";
export const GET = server.health;
