export { LocalBranches } from "./local-branches.ts";
