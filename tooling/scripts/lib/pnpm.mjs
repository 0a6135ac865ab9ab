import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * How to run pnpm: the way the calling script was started (`pnpm <script>` sets npm_execpath), so no
 * global install is needed, else `npx -y pnpm@<packageManager pin>`. Returns [command, ...prefixArgs].
 */
export function pnpmInvocation(root) {
  const execPath = process.env.npm_execpath ?? "";
  if (/pnpm/.test(execPath)) return [process.execPath, execPath];
  const pin = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1];
  return ["npx", "-y", `pnpm@${pin}`];
}
