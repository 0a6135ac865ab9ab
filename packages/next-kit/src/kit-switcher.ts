import { z } from "zod";

/** One entry of the app shell's kit switcher. */
export interface KitLink {
  id: string;
  title: string;
  url: string;
  current: boolean;
}

const runningKitsSchema = z.array(
  z.object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: z.string().min(1).max(60),
    url: z.url({ protocol: /^https?$/ }),
  }),
);

/** The kits `appbase up` serves, as the APPBASE_KITS value it sets for every kit. */
export function formatRunningKits(kits: ReadonlyArray<{ id: string; title: string; url: string }>): string {
  return JSON.stringify(kits.map(({ id, title, url }) => ({ id, title, url })));
}

/** The kits in `APPBASE_KITS`; a malformed value is an error saying what is expected. */
export function runningKits(value: string): Array<{ id: string; title: string; url: string }> {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    json = undefined;
  }
  const parsed = runningKitsSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      'APPBASE_KITS is malformed: it must be a JSON list of {"id","title","url"} (appbase up sets it).',
    );
  return parsed.data;
}

/**
 * Parses `APPBASE_KITS` (set by `appbase up`) into switcher links. Absent or empty → only the current
 * kit. A malformed value is an error saying what is expected.
 */
export function parseRunningKits(
  value: string | undefined,
  current: { id: string; title: string },
  currentUrl = "/",
): KitLink[] {
  let links: KitLink[] = [];
  if (value?.trim()) links = runningKits(value).map((k) => ({ ...k, current: k.id === current.id }));
  if (!links.some((l) => l.current)) links.unshift({ ...current, url: currentUrl, current: true });
  return links;
}
