export {
  exitCode,
  type SpawnTailedOptions,
  spawnTailed,
  stopProcessGroup,
  type TailedProcess,
  waitForHealthy,
} from "./child-process.ts";
