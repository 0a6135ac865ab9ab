export { type DeployOptions, deployBlockers, deployCommands, deployKit } from "./deploy-kit.ts";
