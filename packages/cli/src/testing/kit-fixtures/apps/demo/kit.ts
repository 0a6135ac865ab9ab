import { fixtureKit } from "../../fixture-kit.ts";
import { governedTables } from "./src/governed.ts";
import { seedKit } from "./src/seed.ts";

export default fixtureKit({
  id: "demo",
  title: "Demo Kit",
  port: 3990,
  governed: governedTables,
  seed: seedKit,
});
