import { type AIMessage, type BaseMessage, SystemMessage } from "@langchain/core/messages";
import type { StructuredToolInterface } from "@langchain/core/tools";
import type { AgentSpec } from "./agent-spec.ts";
import { SCRIPTED_MODEL_LABEL } from "./scripted-model.ts";
import type { ServingChatModel } from "./serving-chat-model.ts";

/** What drives an agent's turns; `label` is stored on the run and shown next to its thread. */
export interface AgentModel {
  label: string;
  reply(spec: AgentSpec, messages: BaseMessage[], tools: StructuredToolInterface[]): Promise<AIMessage>;
}

/** The deterministic stand-in used when no serving endpoint is bound: each agent's own script. */
export const scriptedModel: AgentModel = {
  label: SCRIPTED_MODEL_LABEL,
  reply: async (spec, messages) => spec.scripted(messages),
};

/** The label of a run driven by a serving endpoint. */
export function servingModelLabel(endpoint: string): string {
  return `Databricks serving endpoint ${endpoint}`;
}

/** A serving endpoint as the agents' model: the agent's system prompt, the conversation, its tools. */
export function servingAgentModel(chat: ServingChatModel): AgentModel {
  return {
    label: servingModelLabel(chat.endpoint),
    reply: async (spec, messages, tools) =>
      chat.bindTools(tools).invoke([new SystemMessage(spec.systemPrompt), ...messages]),
  };
}
