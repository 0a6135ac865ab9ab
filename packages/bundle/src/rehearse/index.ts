export { rehearseKit } from "./rehearse-kit.ts";
export { runPlaywrightSmoke, smokeSpecPath } from "./smoke.ts";
