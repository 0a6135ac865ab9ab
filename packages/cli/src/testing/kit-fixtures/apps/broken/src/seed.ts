/** A fixture kit whose seed fails, so the CLI's error can be checked. */
export async function seedKit(): Promise<{ summary: string }> {
  throw new Error("the demo table is missing");
}
