import { m2mTokenSource } from "../auth.ts";
import { type WorkspaceClient, workspaceClient } from "../client.ts";
import type { FakeWorkspace } from "./index.ts";

/** A client for the fake's service principal that records retry waits instead of sleeping. */
export function clientFor(fake: FakeWorkspace): { client: WorkspaceClient; waits: number[] } {
  const waits: number[] = [];
  const client = workspaceClient({
    host: fake.host,
    auth: m2mTokenSource({ host: fake.host, clientId: fake.clientId, clientSecret: fake.clientSecret }),
    retry: { sleep: async (ms) => void waits.push(ms) },
  });
  return { client, waits };
}
