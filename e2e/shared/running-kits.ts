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
 * The kits a cross-kit journey needs, by id. A kit this checkout does not have (no apps/<id>, e.g. a
 * repository holding one kit) skips the journey, naming it. A kit it has must be running — the suite's
 * `appbase up` starts every kit under apps/ — so one that does not answer its health route fails the
 * journey instead of skipping it.
 */
export async function requireKits<const K extends string>(...ids: K[]): Promise<Record<K, E2eKit>> {
  const known = new Map(e2eKits().map((k) => [k.kit, k]));
  const absent = ids.filter((id) => !known.has(id));
  test.skip(
    absent.length > 0,
    `This journey needs ${ids.join(" and ")}; this checkout has no ${absent.map((id) => `apps/${id}`).join(", ")}.`,
  );
  const found = {} as Record<K, E2eKit>;
  for (const id of ids) {
    const kit = known.get(id) as E2eKit;
    if (!(await answersHealth(kit)))
      throw new Error(`${id} is under apps/ but nothing healthy answers at ${kit.url}${kit.health}.`);
    found[id] = kit;
  }
  return found;
}
