export { spawnTailed, stopProcessGroup, waitForHealthy } from "./child-process.ts";
