import { describeAccessGrid } from "@appbase/grants/testing";
import { customerHubMatrix } from "./matrix.ts";

describeAccessGrid(customerHubMatrix, {
  roles: ["viewer", "account-manager", "team-lead", "privacy-officer"],
  rows: {
    "customer.read": "x x x x",
    "customer.read-all": "x - x x",
    "customer.pii.read": "- x x x",
    "note.write": "- x x -",
    "status.change": "- x x -",
    "status.migrate": "- - x -",
    "task.write": "- x x -",
    "genie.ask": "x x x -",
    "consent.manage": "- - - x",
    "audit.read": "- - - x",
  },
});
