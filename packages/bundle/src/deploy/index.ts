export { type DeployOptions, deployBlockers, deployKit } from "./deploy-kit.ts";
