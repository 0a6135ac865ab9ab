export { type CopyTreeOptions, copyTree, countFiles } from "./copy-tree.ts";
export { type PlannedCopy, planNodeModules } from "./flatten-node-modules.ts";
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
