import { server } from "../../../server/kit.ts";

// GET /api/health: database reachable, mode and version, for `appbase up` and the Apps runtime.
export const dynamic = "force-dynamic";
export const GET = server.health;
