export { stageKit } from "./stage-kit.ts";
