/** A Lakebase OAuth credential could not be obtained, so no connection can be opened. */
export class LakebaseCredentialError extends Error {
  readonly endpoint: string;
  readonly statusCode: number | undefined;
  readonly errorCode: string | undefined;
  constructor(endpoint: string, cause: unknown) {
    const { statusCode, errorCode, message } = describeCause(cause);
    const status = [statusCode, errorCode].filter((part) => part !== undefined).join(" ");
    super(
      `Could not get a Lakebase credential for endpoint ${endpoint}: ${status ? `${status} ` : ""}${message}; ${hint(statusCode, message)}`,
      { cause },
    );
    this.name = "LakebaseCredentialError";
    this.endpoint = endpoint;
    this.statusCode = statusCode;
    this.errorCode = errorCode;
  }
}

function describeCause(cause: unknown): { statusCode?: number; errorCode?: string; message: string } {
  if (!(cause instanceof Error)) return { message: String(cause) };
  // The Databricks SDK's ApiError carries the HTTP status and the envelope's error_code.
  const { statusCode, errorCode } = cause as { statusCode?: unknown; errorCode?: unknown };
  return {
    statusCode: typeof statusCode === "number" ? statusCode : undefined,
    errorCode: typeof errorCode === "string" ? errorCode : undefined,
    message: cause.message,
  };
}

function hint(statusCode: number | undefined, message: string): string {
  if (statusCode === 403) {
    return "check that the app's service principal has CAN_CONNECT_AND_CREATE on the Lakebase database resource (the app's `postgres` resource in databricks.yml/app.yaml)";
  }
  if (statusCode === 404 || statusCode === 400) {
    return "check LAKEBASE_ENDPOINT: it must be an endpoint path, projects/<project>/branches/<branch>/endpoints/<endpoint>";
  }
  if (statusCode === 401 || /token|OIDC|oauth/i.test(message)) {
    return "check DATABRICKS_HOST, DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (the app's service principal credentials)";
  }
  return "check that DATABRICKS_HOST is reachable and the Lakebase endpoint is running";
}
