import type { KitSeedContext, KitSeedResult } from "@appbase/next-kit/define-kit";

/** A fixture kit's seed: reports what it was given, so a test can check the context. */
export async function seedKit(ctx: KitSeedContext): Promise<KitSeedResult> {
  const { rows } = await ctx.pool.query<{ n: number }>("SELECT 41 + 1 AS n");
  ctx.log(`answer ${rows[0]?.n}`);
  return { summary: `scale=${ctx.scale} seed=${ctx.seed} lakehouse=${ctx.lakehouseDir}` };
}
