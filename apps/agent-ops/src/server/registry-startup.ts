import "server-only";
import { recurringStep } from "@appbase/telemetry/node";
import { seedRegistry } from "../domain/registry/seed-registry.ts";
import { registryRuntime } from "./registry.ts";

/**
 * The startup step that lets a fresh deployment start its agents: registers the code-declared agents
 * and tools missing from the governed registry (through the Governance Writer, as the seed does;
 * entries already there are left as they are), at start and every 5 minutes until it can. Starting
 * the registry runtime applies the kit's migrations first (`db()`). Without a bound SQL warehouse the
 * registry cannot be written: the step says so once, and agents run as declared until it can.
 */
export const registryStep = recurringStep({
  name: "registry",
  kit: "agent-ops",
  everyMs: 5 * 60_000,
  run: async () => {
    const { runtime, unavailable } = await registryRuntime();
    if (!runtime) throw new Error(`the code-declared agents cannot be registered yet: ${unavailable}`);
    const registered = await seedRegistry(runtime.writer);
    const count = registered.tools.length + registered.agents.length;
    return count === 0
      ? null
      : `registered ${registered.agents.join(", ") || "no agents"} and tools ${registered.tools.join(", ") || "none"}`;
  },
});
