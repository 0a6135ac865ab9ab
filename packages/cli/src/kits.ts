import { type DiscoveredKit, discoverKits as discover, KitDiscoveryError } from "@appbase/next-kit/kits";
import { CliError } from "./repo.ts";

/** A kit as the CLI sees it: its apps/<kit>/kit.ts declaration and where it lives. */
export type Kit = DiscoveredKit;

/**
 * `APPBASE_PORT_OFFSET`: shifts every kit's port, so a second `appbase up` (another checkout, an
 * end-to-end run beside a developer's kits) serves the same kits on one machine. Unset: kit.ts ports.
 */
export function portOffset(value: string | undefined): number {
  if (!value?.trim()) return 0;
  const offset = Number(value);
  if (!Number.isInteger(offset) || offset < 0 || offset > 20_000)
    throw new CliError(
      `APPBASE_PORT_OFFSET must be a whole number from 0 to 20000, got ${JSON.stringify(value)}.`,
    );
  return offset;
}

/** Every kit under apps/ (a kit.ts exporting defineKit), sorted by port; a broken kit.ts is a CliError. */
export async function discoverKits(repoRoot: string): Promise<Kit[]> {
  const offset = portOffset(process.env.APPBASE_PORT_OFFSET);
  try {
    const kits = await discover(repoRoot);
    return offset === 0 ? kits : kits.map((kit) => ({ ...kit, port: kit.port + offset }));
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
