import type { Queryable } from "@appbase/db";
import type { KitCaller } from "@appbase/next-kit/kit-call";
import { withSpan } from "@appbase/telemetry";
import type { RunnableConfig } from "@langchain/core/runnables";
import { type StructuredToolInterface, tool } from "@langchain/core/tools";
import type { z } from "zod";
import { findRecordedToolCall, recordToolCall } from "./tool-recording.ts";

/** What a tool may use while it runs: the kit's database (agent_ops plus the served tables). */
export interface ToolContext {
  db: Queryable;
  /** Tools the governed registry has disabled: a call to one is refused and recorded as a failed call. */
  disabledTools?: ReadonlySet<string>;
  /** Calls another kit's owning route as this kit's app (absent where no kit can be called, e.g. the seed). */
  kits?: KitCaller;
}

/** Which call of which thread a tool runs as: together its idempotency key in other kits. */
export interface ToolCallIdentity {
  threadId: string;
  toolCallId: string;
}

/** The key another kit files a tool call's effect under once: a retried or replayed call reuses it. */
export function idempotencyKey(call: ToolCallIdentity): string {
  return `${call.threadId}:${call.toolCallId}`;
}

/** A tool as an agent declares it: name, description and argument schema, and what it does with a context. */
export interface AgentToolDefinition<S extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  schema: S;
  run(args: z.output<S>, ctx: ToolContext, call: ToolCallIdentity): Promise<string>;
}

/** Declares a tool; the name and description are what the model and the governed registry see. */
export function defineAgentTool<S extends z.ZodObject>(definition: AgentToolDefinition<S>) {
  return definition;
}

/**
 * The database as one run's tools see it: one statement at a time. A model turn may call several tools
 * at once; the local Lakebase (one PGlite backend) runs one statement at a time anyway, so this costs
 * nothing there and keeps one run from holding several pool connections on Lakebase.
 */
export function oneAtATime(db: Queryable): Queryable {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    query: (text, values) => {
      const next = tail.then(() => db.query(text, values));
      tail = next.catch(() => undefined);
      return next;
    },
  } as Queryable;
}

function callIdentity(config: RunnableConfig | undefined, toolName: string): ToolCallIdentity {
  const threadId = config?.configurable?.thread_id;
  const toolCallId = (config as { toolCall?: { id?: string } } | undefined)?.toolCall?.id;
  if (typeof threadId !== "string" || !toolCallId) {
    throw new Error(
      `Tool ${toolName} must run inside an agent thread (configurable.thread_id and a tool call id); ` +
        "call it through the agent graph, not directly.",
    );
  }
  return { threadId, toolCallId };
}

/**
 * The executable tool for an agent: every call writes one `agent_ops.tool_call` row (arguments, result
 * or error, latency). A call already recorded for this thread and tool call id (a replayed node) is not
 * run again: it returns the recorded result, or throws the recorded error, so side effects happen once.
 */
export function recordedTool(
  agent: string,
  definition: AgentToolDefinition,
  ctx: ToolContext,
): StructuredToolInterface {
  return tool(
    async (args: Record<string, unknown>, config?: RunnableConfig) => {
      const { threadId, toolCallId } = callIdentity(config, definition.name);
      const recorded = await findRecordedToolCall(ctx.db, threadId, toolCallId);
      if (recorded) {
        if (recorded.status === "error") throw new Error(recorded.error ?? "The recorded call failed.");
        return recorded.output;
      }
      const attributes = {
        "appbase.agent": agent,
        "appbase.agent.tool": definition.name,
        "appbase.agent.thread_id": threadId,
      };
      return withSpan(`agent tool ${definition.name}`, attributes, async () => {
        const startedAt = new Date();
        const started = performance.now();
        const base = { threadId, toolCallId, agent, tool: definition.name, args, startedAt };
        try {
          if (ctx.disabledTools?.has(definition.name)) {
            throw new Error(
              `Tool ${definition.name} is disabled in the governed registry, so the call was not made; an Agent Ops admin can enable it on the Registry page.`,
            );
          }
          const output = await definition.run(definition.schema.parse(args), ctx, { threadId, toolCallId });
          const durationMs = Math.round(performance.now() - started);
          return (await recordToolCall(ctx.db, { ...base, durationMs, output })).output;
        } catch (failure) {
          const error = failure instanceof Error ? failure.message : String(failure);
          const durationMs = Math.round(performance.now() - started);
          const stored = await recordToolCall(ctx.db, { ...base, durationMs, error });
          throw new Error(stored.error ?? error);
        }
      });
    },
    { name: definition.name, description: definition.description, schema: definition.schema },
  ) as StructuredToolInterface;
}
