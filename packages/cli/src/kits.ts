import { type DiscoveredKit, discoverKits as discover, KitDiscoveryError } from "@appbase/next-kit/kits";
import { CliError } from "./repo.ts";

/** A kit as the CLI sees it: its apps/<kit>/kit.ts declaration and where it lives. */
export type Kit = DiscoveredKit;

/** Every kit under apps/ (a kit.ts exporting defineKit), sorted by port; a broken kit.ts is a CliError. */
export async function discoverKits(repoRoot: string): Promise<Kit[]> {
  try {
    return await discover(repoRoot);
  } catch (error) {
    if (error instanceof KitDiscoveryError) throw new CliError(error.message);
    throw error;
  }
}

/** Picks the kits named in `--kits a,b`, or all of them; an unknown name is an error listing the known ones. */
export function selectKits(all: Kit[], names: string | undefined): Kit[] {
  if (!names) return all;
  const wanted = names
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = wanted.filter((n) => !all.some((k) => k.id === n));
  if (unknown.length > 0) {
    throw new CliError(
      `Unknown kit(s): ${unknown.join(", ")}. Kits here: ${all.map((k) => k.id).join(", ") || "none"}.`,
    );
  }
  return all.filter((k) => wanted.includes(k.id));
}
