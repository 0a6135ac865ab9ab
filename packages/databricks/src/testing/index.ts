// Test scaffolding: the fake workspace with fault injection. Product code must not import this entry.
export * from "../local-workspace/index.ts";
export { clientFor } from "./client-for.ts";
export {
  type FakeWorkspace,
  type FakeWorkspaceOptions,
  type Fault,
  malformed,
  rateLimited,
  startFakeWorkspace,
  unavailable,
} from "./fake-workspace.ts";
