import { describe, expect, it } from "vitest";
import { runningBranch } from "./running-branch.ts";

describe("runningBranch", () => {
  it("reads the branch from the bound Lakebase endpoint, and hides the default branch", () => {
    expect(runningBranch({ LAKEBASE_ENDPOINT: "projects/app/branches/preview-7/endpoints/primary" })).toEqual(
      {
        name: "preview-7",
        source: "lakebase-endpoint",
      },
    );
    expect(
      runningBranch({ LAKEBASE_ENDPOINT: "projects/app/branches/production/endpoints/primary" }),
    ).toBeUndefined();
  });

  it("reads APPBASE_BRANCH locally, ignoring main and malformed names", () => {
    expect(runningBranch({ APPBASE_BRANCH: "review-1" })).toEqual({
      name: "review-1",
      source: "local-preview",
    });
    expect(runningBranch({ APPBASE_BRANCH: "main" })).toBeUndefined();
    expect(runningBranch({ APPBASE_BRANCH: "<script>" })).toBeUndefined();
    expect(runningBranch({})).toBeUndefined();
  });
});
