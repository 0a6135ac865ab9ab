import { test } from "@playwright/test";
import { type E2eKit, e2eKits } from "./kits.ts";

async function answersHealth(kit: E2eKit): Promise<boolean> {
  try {
    const response = await fetch(`${kit.url}${kit.health}`, { signal: AbortSignal.timeout(5_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The kits a cross-kit journey needs, by id. When one is not running (not under apps/, or `appbase up
 * --kits` left it out), the calling test or hook is skipped with the kits missing and where they were looked for.
 */
export async function requireKits<const K extends string>(...ids: K[]): Promise<Record<K, E2eKit>> {
  const known = new Map(e2eKits().map((k) => [k.kit, k]));
  const found = {} as Record<K, E2eKit>;
  const missing: string[] = [];
  for (const id of ids) {
    const kit = known.get(id);
    if (kit && (await answersHealth(kit))) found[id] = kit;
    else missing.push(kit ? `${id} (nothing healthy at ${kit.url}${kit.health})` : `${id} (no apps/${id})`);
  }
  test.skip(
    missing.length > 0,
    `This journey needs ${ids.join(" and ")}; not running: ${missing.join(", ")}.`,
  );
  return found;
}
