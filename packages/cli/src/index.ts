// Types a kit's modules build against (the kit manifest's `seed` and `governed` contracts).
export type { KitSeedContext, KitSeedResult, SeedKit } from "./kit-seed-context.ts";
