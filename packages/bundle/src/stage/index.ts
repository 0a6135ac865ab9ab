export { copyTreeDereferenced, countFiles } from "./copy-tree.ts";
export { launcherSource } from "./launcher.ts";
export {
  buildKit,
  findStandaloneServer,
  type StagedApp,
  type StageKit,
  type StageOptions,
  type StageProgress,
  stageKit,
} from "./stage-kit.ts";
