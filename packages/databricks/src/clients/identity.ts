import { z } from "zod";
import type { WorkspaceClient } from "../client.ts";

const meSchema = z.looseObject({
  userName: z.string().optional(),
  groups: z.array(z.looseObject({ display: z.string().optional(), value: z.string().optional() })).optional(),
});

/** The caller's SCIM user (`GET /api/2.0/preview/scim/v2/Me`): user name and group display names. */
export async function currentUser(
  client: WorkspaceClient,
): Promise<{ userName: string | undefined; groups: string[] }> {
  const me = await client.request({
    method: "GET",
    path: "/api/2.0/preview/scim/v2/Me",
    response: meSchema,
    operation: "SCIM Me",
  });
  return { userName: me.userName, groups: (me.groups ?? []).flatMap((g) => (g.display ? [g.display] : [])) };
}
