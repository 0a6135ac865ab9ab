import "server-only";
import { agents } from "../domain/agents/agents.ts";
import { SCRIPTED_MODEL_LABEL } from "../domain/agents/scripted-model.ts";
import { agentAvailability } from "../domain/registry/agent-availability.ts";
import { boundAgentModel } from "../server/databricks.ts";
import { db } from "../server/kit.ts";
import { StartRunFields } from "./start-run-form-fields.tsx";

/**
 * Starts a run of either agent, saying which model will drive it (the bound endpoint or the scripted
 * one) and whether the registry lets the chosen agent start.
 */
export async function StartRunForm() {
  let modelLabel = SCRIPTED_MODEL_LABEL;
  try {
    modelLabel = boundAgentModel()?.label ?? SCRIPTED_MODEL_LABEL;
  } catch (error) {
    modelLabel = `unavailable: ${(error as Error).message}`;
  }
  const pool = await db();
  const choices = await Promise.all(
    Object.values(agents).map(async (a) => {
      const availability = await agentAvailability(pool, a.name);
      return {
        name: a.name,
        title: a.title,
        exampleRequest: a.exampleRequest,
        availability: availability.runnable
          ? `Ready to start: ${availability.note ?? "registered and enabled in the registry."}`
          : `Cannot start: ${availability.reason}`,
      };
    }),
  );
  return <StartRunFields agents={choices} modelLabel={modelLabel} />;
}
