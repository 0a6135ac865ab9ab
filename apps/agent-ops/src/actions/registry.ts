"use server";

import { FieldRuleError } from "@appbase/next-kit/errors";
import { revalidatePath } from "next/cache";
import {
  agentDefinitionInputSchema,
  enabledChangeSchema,
  toolInputSchema,
} from "../domain/registry/registry-input.ts";
import { REGISTRY_EDIT_PERMISSION } from "../domain/registry/registry-permissions.ts";
import {
  saveAgentDefinition,
  saveTool,
  setRegistryEntryEnabled,
} from "../domain/registry/registry-writes.ts";
import { defineAction } from "../server/kit.ts";
import { registryRuntime } from "../server/registry.ts";

async function registryWriter() {
  const { runtime, unavailable } = await registryRuntime();
  // The governed registry is written to the lakehouse first; without it nothing can be saved.
  if (!runtime) throw new FieldRuleError("_form", unavailable);
  return { writer: runtime.writer };
}

/** Registers or updates a tool in the governed registry; returns the saved entry (read-your-own-write). */
export const saveToolAction = defineAction({
  permission: REGISTRY_EDIT_PERMISSION,
  input: toolInputSchema,
  handler: async (input, { identity }) => {
    const saved = await saveTool(await registryWriter(), input, identity.email);
    revalidatePath("/registry");
    return saved;
  },
});

/** Registers or updates an agent definition; every tool it names must be registered. */
export const saveAgentDefinitionAction = defineAction({
  permission: REGISTRY_EDIT_PERMISSION,
  input: agentDefinitionInputSchema,
  handler: async (input, { identity }) => {
    const saved = await saveAgentDefinition(await registryWriter(), input, identity.email);
    revalidatePath("/registry");
    return saved;
  },
});

/** Enables or disables an agent or a tool at the version the admin saw. */
export const setRegistryEnabledAction = defineAction({
  permission: REGISTRY_EDIT_PERMISSION,
  input: enabledChangeSchema,
  handler: async (input, { identity }) => {
    const saved = await setRegistryEntryEnabled(await registryWriter(), input, identity.email);
    revalidatePath("/registry");
    return saved;
  },
});
