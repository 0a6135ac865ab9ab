import { can } from "@appbase/grants";
import { describe, expect, it } from "vitest";
import kit from "../kit.ts";
import { riskComplianceMatrix as matrix } from "./matrix.ts";

type Permission = (typeof matrix.permissions)[number];
const person = (id: string) => {
  const user = kit.localUsers.find((u) => u.id === id)!;
  return { userId: user.id, email: user.email, groups: user.groups };
};
const WRITES: Permission[] = [
  "alert.claim",
  "alert.triage",
  "alert.reassign",
  "case.open",
  "case.investigate",
  "case.decide",
  "evidence.write",
  "policy.publish",
];

describe("risk-compliance roles", () => {
  it.each([
    ["ana", "case.decide", false], // an analyst proposes; a senior reviewer approves (four-eyes)
    ["sara", "case.decide", true],
    ["ana", "alert.reassign", false], // bulk assign/close is for leads
    ["sara", "alert.reassign", true],
    ["olga", "policy.publish", true], // compliance officers own the policies
    ["sara", "policy.publish", false],
    ["aldo", "audit.export", true],
    ["agent-ops-app", "case.intake", true], // only Agent Ops' app files agent triage outcomes
    ["agent-ops-app", "case.read", false],
    ["sara", "case.intake", false],
    ["olga", "audit.export", false],
    ["ana", "audit.read", false],
  ] as const)("%s holds %s: %s", (id, permission, expected) => {
    expect(can(person(id), permission, matrix)).toBe(expected);
  });

  it("keeps the auditor read-only", () => {
    expect(WRITES.filter((p) => can(person("aldo"), p, matrix))).toEqual([]);
  });
});
