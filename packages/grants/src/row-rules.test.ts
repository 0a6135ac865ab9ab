import { describe, expect, it } from "vitest";
import { rowFilter, rowPredicate, rowRuleFor } from "./row-rules.ts";
import { sampleMatrix } from "./testing/sample-matrices.ts";

const reviewer = { email: "rev@example.com", userId: "u-rev", groups: ["sample-desk-managers"] };
const operator = { email: "op@example.com", userId: "u-op", groups: ["sample-desk-viewers"] };
const visible = rowRuleFor(sampleMatrix, "queue-visible");

describe("row rules", () => {
  it("gives a manager a parameterized predicate over their claims and unclaimed items", () => {
    const predicate = rowPredicate(reviewer, visible, sampleMatrix, { alias: "r", firstParam: 3 });
    expect(predicate.sql).toBe('("r"."claimed_by"::text = $3 OR "r"."claimed_by" IS NULL)');
    expect(predicate.params).toEqual(["u-rev"]);
    expect(predicate.nextParam).toBe(4);
  });

  it("filters the same rows in memory", () => {
    const items = [
      { id: 1, claimed_by: "u-rev" },
      { id: 2, claimed_by: "u-other" },
      { id: 3, claimed_by: null },
    ];
    expect(items.filter(rowFilter(reviewer, visible, sampleMatrix)).map((i) => i.id)).toEqual([1, 3]);
  });

  it("lets a holder of seeAllWith see everything, in SQL and in memory", () => {
    expect(rowPredicate(operator, visible, sampleMatrix)).toEqual({
      sql: "TRUE",
      params: [],
      nextParam: 1,
    });
    expect(rowFilter(operator, visible, sampleMatrix)({ claimed_by: "u-anyone" })).toBe(true);
  });

  it("matches a team column against the identity's groups", () => {
    const investigator = {
      email: "i@example.com",
      userId: "u-i",
      groups: ["sample-desk-managers", "team-north"],
    };
    const rule = rowRuleFor(sampleMatrix, "assigned-cases");
    const predicate = rowPredicate(investigator, rule, sampleMatrix);
    expect(predicate.sql).toBe('("assignee_id"::text = $1 OR "assigned_team"::text = ANY($2::text[]))');
    expect(predicate.params).toEqual(["u-i", ["sample-desk-managers", "team-north"]]);
    const filter = rowFilter(investigator, rule, sampleMatrix);
    expect(filter({ assignee_id: "u-x", assigned_team: "team-north" })).toBe(true);
    expect(filter({ assignee_id: "u-x", assigned_team: "team-south" })).toBe(false);
  });

  it("names the rule when it is not declared", () => {
    expect(() => rowRuleFor(sampleMatrix, "nope")).toThrow(
      /no row rule "nope" \(declared: assigned-cases, queue-visible\)/,
    );
  });
});
