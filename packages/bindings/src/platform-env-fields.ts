import { z } from "zod";

/** Turns `DATABRICKS_HOST` into an origin (`https://host`), accepting it with or without the scheme. */
export function normalizeDatabricksHost(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === "") throw new Error("expected a workspace host such as https://<workspace-host>");
  // The platform's value may or may not carry the scheme (the documentation does not say): assume https.
  // http is kept as given so a local rehearsal can point DATABRICKS_HOST at the local platform process.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error("expected a workspace host such as https://<workspace-host>");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`expected an https:// workspace host, not ${url.protocol}//`);
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "") {
    throw new Error("expected only the workspace host, without path, query or credentials");
  }
  return url.origin;
}

export const databricksHostSchema = z.string().transform((value, ctx) => {
  try {
    return normalizeDatabricksHost(value);
  } catch (error) {
    ctx.issues.push({ code: "custom", message: (error as Error).message, input: value });
    return z.NEVER;
  }
});

export const portSchema = z
  .string()
  .regex(/^[0-9]+$/, { error: "expected a port number" })
  .transform(Number)
  .refine((port) => port >= 1 && port <= 65_535, { error: "expected a port between 1 and 65535" });

export const nonEmpty = z.string().min(1, { error: "expected a non-empty value" });

/** `key=value,key=value` as used by `OTEL_RESOURCE_ATTRIBUTES`. */
export const otelResourceAttributesSchema = z.string().transform((value, ctx) => {
  const attributes: Record<string, string> = {};
  for (const pair of value.split(",")) {
    const at = pair.indexOf("=");
    if (at <= 0) {
      ctx.issues.push({
        code: "custom",
        message: `expected key=value pairs separated by commas`,
        input: value,
      });
      return z.NEVER;
    }
    attributes[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return attributes;
});
