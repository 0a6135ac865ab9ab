/** One entry of the app shell's kit switcher. */
export interface KitLink {
  kit: string;
  url: string;
  current: boolean;
}

/**
 * Parses `APPBASE_KIT_URLS` (`kit-id=url,kit-id=url`, set by `appbase up`) into switcher links.
 * Absent or empty → only the current kit. A malformed entry is an error naming it.
 */
export function parseKitUrls(value: string | undefined, currentKit: string, currentUrl = "/"): KitLink[] {
  const links: KitLink[] = [];
  for (const entry of (value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const eq = entry.indexOf("=");
    const kit = entry.slice(0, eq).trim();
    const url = entry.slice(eq + 1).trim();
    if (eq <= 0 || !/^[a-z][a-z0-9-]*$/.test(kit) || !URL.canParse(url)) {
      throw new Error(
        `APPBASE_KIT_URLS has a malformed entry "${entry}": write kit-id=http://host:port, separated by commas.`,
      );
    }
    links.push({ kit, url, current: kit === currentKit });
  }
  if (!links.some((l) => l.current)) links.unshift({ kit: currentKit, url: currentUrl, current: true });
  return links;
}
