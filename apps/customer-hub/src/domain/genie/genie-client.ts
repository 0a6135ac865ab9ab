import {
  DatabricksApiError,
  type GenieAnswer,
  GenieMessageError,
  genie,
  type WorkspaceClient,
} from "@appbase/databricks";
import { GenieError } from "./genie-types.ts";

export interface GenieClientOptions {
  /** The workspace as the user (forwarded token) or as the app's service principal. */
  workspace: WorkspaceClient;
  spaceId: string;
  /** Delay before poll n; Databricks recommends a few seconds. */
  pollDelayMs?: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

/** What the panel says for a Genie call the workspace refused. */
function panelMessage(error: DatabricksApiError): string {
  if (error.status === 404 || error.errorCode === "RESOURCE_DOES_NOT_EXIST") {
    return "No access to this Genie space: check the genie_space resource and that you can view the space.";
  }
  if (error.status === 401 || error.status === 403) {
    return "Genie refused the credentials; sign in again, or give the app's user authorization the dashboards.genie scope.";
  }
  if (error.status === 429) return "Genie is rate-limited right now; wait a minute and ask again.";
  return `Genie failed: ${error.message}`;
}

/** Asks Genie one question (`@appbase/databricks` genie), with failures as GenieError sentences for the panel. */
export async function askGenie(options: GenieClientOptions, question: string): Promise<GenieAnswer> {
  try {
    return await genie(options.workspace, options).ask(question);
  } catch (error) {
    if (error instanceof GenieMessageError) throw new GenieError(error.message);
    if (error instanceof DatabricksApiError) throw new GenieError(panelMessage(error));
    throw error;
  }
}
