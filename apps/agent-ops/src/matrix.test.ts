import { describeAccessGrid } from "@appbase/grants/testing";
import { agentOpsMatrix } from "./matrix.ts";

describeAccessGrid(agentOpsMatrix, {
  roles: ["operator", "reviewer", "intake-app", "admin"],
  rows: {
    "run.read": "x x - x",
    "review.read-all": "x - - x",
    "review.claim": "- x - x",
    "review.decide": "- x - x",
    "review.reassign": "- - - x",
    "agent.pause": "x - - x",
    "registry.write": "- - - x",
    "run.intake": "- - x x",
  },
});
