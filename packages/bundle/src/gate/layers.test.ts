import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { domainImportProblem, domainLayerViolations, importsOf, testingEntryViolations } from "./layers.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");
const app = "/repo/apps/kit";
const domainFile = join(app, "src/domain/orders/orders.ts");
const problem = (source: string) => importsOf(source).map((ref) => domainImportProblem(app, domainFile, ref));

describe("importsOf", () => {
  it("finds static, side-effect, re-export and dynamic imports and marks type-only ones", () => {
    expect(
      importsOf(`import a from "a";
import type { B } from "b";
import { type C, type D } from "c";
import { type E, f } from "e";
import "g";
export { h } from "h";
const i = await import("i");`),
    ).toEqual([
      { specifier: "a", typeOnly: false },
      { specifier: "b", typeOnly: true },
      { specifier: "c", typeOnly: true },
      { specifier: "e", typeOnly: false },
      { specifier: "h", typeOnly: false },
      { specifier: "g", typeOnly: false },
      { specifier: "i", typeOnly: false },
    ]);
  });
});

describe("domain layer rule", () => {
  it("refuses React, Next, UI components, the kit runtime, env and server wiring", () => {
    expect(
      problem(`import { revalidatePath } from "next/cache";
import { useState } from "react";
import { DataTable } from "@appbase/ui/data-table";
import { defineAction } from "@appbase/next-kit/server";
import "server-only";
import { openLakehouseFromEnv } from "@appbase/lakehouse/from-env";
import { db } from "../../server/db.ts";
import { serverEnv } from "../../env.ts";
import { registryEnv } from "../../registry-env.ts";
import kit from "../../../kit.ts";
import { fake } from "../../testing/fake.ts";`).every((reason) => reason !== null),
    ).toBe(true);
  });

  it("allows plain packages, UI and next-kit types, next-kit errors and other domain modules", () => {
    expect(
      problem(`import { z } from "zod";
import type { TableSpec } from "@appbase/ui/data-table";
import type { KitCaller } from "@appbase/next-kit/kit-call";
import { ConflictError } from "@appbase/next-kit/errors";
import { can } from "@appbase/grants";
import type { Queryable } from "../../db/queryable.ts";
import { other } from "../other/other.ts";`),
    ).toEqual([null, null, null, null, null, null, null]);
  });

  it("holds in every kit of the repository", () => {
    expect(domainLayerViolations(repoRoot).map((v) => `${v.file}: ${v.specifier} (${v.reason})`)).toEqual([]);
  });
});

describe("testing entries", () => {
  it("no product code in the repository imports a package's /testing entry", () => {
    expect(testingEntryViolations(repoRoot).map((v) => `${v.file}: ${v.specifier}`)).toEqual([]);
  });
});
