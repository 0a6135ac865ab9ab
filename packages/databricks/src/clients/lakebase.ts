import { z } from "zod";
import type { WorkspaceClient } from "../client.ts";
import { SYNCED_TABLE_STATES } from "./synced-table-states.ts";

// DatabaseCredential (api-shapes §4.1): both strings, or @databricks/lakebase rejects it too.
const credentialSchema = z.object({
  token: z.string().min(1),
  expire_time: z.iso.datetime({ offset: true }),
});

/** A Lakebase Postgres password: the OAuth token, valid until `expiresAt` (ms). */
export interface DatabaseCredential {
  token: string;
  expiresAt: number;
}

/** `POST /api/2.0/postgres/credentials` for an endpoint `projects/{p}/branches/{b}/endpoints/{e}`; `ttlSeconds` 300..3600. */
export async function generateDatabaseCredential(
  client: WorkspaceClient,
  endpoint: string,
  ttlSeconds?: number,
): Promise<DatabaseCredential> {
  const answer = await client.request({
    method: "POST",
    path: "/api/2.0/postgres/credentials",
    body: { endpoint, ...(ttlSeconds ? { ttl: `${ttlSeconds}s` } : {}) },
    response: credentialSchema,
    operation: `Lakebase credential for ${endpoint}`,
    retry: true, // minting a second short-lived token is harmless
  });
  return { token: answer.token, expiresAt: Date.parse(answer.expire_time) };
}

export const syncedTableSchema = z.looseObject({
  name: z.string(),
  status: z
    .looseObject({
      detailed_state: z.enum(SYNCED_TABLE_STATES).optional(),
      pipeline_id: z.string().optional(),
      last_sync_time: z.string().optional(),
      last_processed_commit_version: z.number().optional(),
      message: z.string().optional(),
    })
    .optional(),
});
export type SyncedTable = z.infer<typeof syncedTableSchema>;

/** `GET /api/2.0/postgres/synced_tables/{catalog}.{schema}.{table}`: the synced table's status. */
export function getSyncedTable(client: WorkspaceClient, fullName: string): Promise<SyncedTable> {
  return client.request({
    method: "GET",
    path: `/api/2.0/postgres/synced_tables/${fullName.split(".").map(encodeURIComponent).join(".")}`,
    response: syncedTableSchema,
    operation: `Synced table ${fullName} status`,
  });
}
