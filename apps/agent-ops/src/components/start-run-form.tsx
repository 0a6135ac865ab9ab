import "server-only";
import { agents } from "../domain/agents/agents.ts";
import { SCRIPTED_MODEL_LABEL } from "../domain/agents/scripted-model.ts";
import { boundAgentModel } from "../server/databricks.ts";
import { StartRunFields } from "./start-run-form-fields.tsx";

/** Starts a run of either agent, saying which model will drive it (the bound endpoint or the scripted one). */
export function StartRunForm() {
  let modelLabel = SCRIPTED_MODEL_LABEL;
  try {
    modelLabel = boundAgentModel()?.label ?? SCRIPTED_MODEL_LABEL;
  } catch (error) {
    modelLabel = `unavailable: ${(error as Error).message}`;
  }
  const choices = Object.values(agents).map((a) => ({
    name: a.name,
    title: a.title,
    exampleRequest: a.exampleRequest,
  }));
  return <StartRunFields agents={choices} modelLabel={modelLabel} />;
}
