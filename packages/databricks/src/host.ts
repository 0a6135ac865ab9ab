/**
 * The workspace origin for a DATABRICKS_HOST given with or without its scheme (both forms occur,
 * platform reference §1.2): `https://` is added when missing, `http://` is kept (local fakes),
 * trailing slashes go. An empty or unparsable host is refused with what to set.
 */
export function workspaceUrl(host: string): string {
  const trimmed = host.trim().replace(/\/+$/, "");
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`DATABRICKS_HOST "${host}" is not a workspace URL; set it to https://<workspace-host>.`);
  }
  if (!trimmed || !url.hostname) {
    throw new Error("DATABRICKS_HOST is empty; set it to https://<workspace-host>.");
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}
