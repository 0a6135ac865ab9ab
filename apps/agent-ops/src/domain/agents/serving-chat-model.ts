import { DatabricksApiError, serving } from "@appbase/databricks";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BindToolsInput,
} from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import { toAiMessage, toChatCompletionMessages } from "./chat-completions.ts";
import type { WorkspaceClient } from "./workspace-client.ts";

type OpenAiTool = ReturnType<typeof convertToOpenAITool>;

export interface ServingCallOptions extends BaseChatModelCallOptions {
  tools?: OpenAiTool[];
}

/**
 * A Databricks Model Serving endpoint as a LangChain chat model: OpenAI-compatible chat completions on
 * `POST {host}/serving-endpoints/{name}/invocations` (with tools), as the app's service principal.
 */
export class ServingChatModel extends BaseChatModel<ServingCallOptions> {
  readonly endpoint: string;
  private readonly client: WorkspaceClient;
  private readonly maxTokens: number;

  constructor(fields: { endpoint: string; client: WorkspaceClient; maxTokens?: number }) {
    super({});
    this.endpoint = fields.endpoint;
    this.client = fields.client;
    this.maxTokens = fields.maxTokens ?? 1024;
  }

  _llmType(): string {
    return "databricks-serving";
  }

  override bindTools(tools: BindToolsInput[], kwargs?: Partial<ServingCallOptions>) {
    return this.withConfig({ ...kwargs, tools: tools.map((t) => convertToOpenAITool(t)) });
  }

  async _generate(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    _runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    const tools = options.tools ?? [];
    const body = {
      messages: toChatCompletionMessages(messages),
      max_tokens: this.maxTokens,
      ...(tools.length > 0 ? { tools, tool_choice: "auto" } : {}),
    };
    let completion: Awaited<ReturnType<ReturnType<typeof serving>["chat"]>>;
    try {
      completion = await serving(this.client).chat(this.endpoint, body);
    } catch (error) {
      if (error instanceof DatabricksApiError && error.kind === "malformed-response") {
        throw new Error(
          `Serving endpoint ${this.endpoint} did not answer as a chat model (${error.serverMessage}); bind a chat endpoint (task llm/v1/chat).`,
        );
      }
      throw error;
    }
    const message = toAiMessage(completion);
    return { generations: [{ text: typeof message.content === "string" ? message.content : "", message }] };
  }
}
