import { fixtureKit } from "../../fixture-kit.ts";
import { seedKit } from "./src/seed.ts";

export default fixtureKit({ id: "broken", title: "Broken Kit", port: 3991, seed: seedKit });
