import assert from "node:assert/strict";
import { test } from "node:test";
import { failureCollector } from "./failure-lines.mjs";

test("keeps the lines that name failures, across chunk boundaries, without colour codes", () => {
  const collector = failureCollector();
  collector.push("@appbase/x:test:  \u001b[31mFAIL\u001b[39m  src/a.test.ts > suite > it wor");
  collector.push("ks\n ✓ src/b.test.ts (3 tests)\n   × moves the status 12ms\n");
  collector.push(
    "AssertionError: expected 1 to be 2\n@appbase/x#test:  ERROR  command (/repo/x) pnpm run test exited (1)",
  );
  assert.deepEqual(collector.lines(), [
    "@appbase/x:test:  FAIL  src/a.test.ts > suite > it works",
    "   × moves the status 12ms",
    "AssertionError: expected 1 to be 2",
    "@appbase/x#test:  ERROR  command (/repo/x) pnpm run test exited (1)",
  ]);
});

test("keeps vitest's errors outside a test, which fail a run whose tests all passed", () => {
  const collector = failureCollector();
  collector.push("      Tests  102 passed (102)\n     Errors  4 errors\n⎯⎯⎯⎯ Unhandled Rejection ⎯⎯⎯⎯⎯\n");
  collector.push("NotFoundError: This task is not on C0000002 any more; reload the page.\n");
  assert.deepEqual(collector.lines(), [
    "Errors  4 errors".padStart(21),
    "⎯⎯⎯⎯ Unhandled Rejection ⎯⎯⎯⎯⎯",
    "NotFoundError: This task is not on C0000002 any more; reload the page.",
  ]);
});

test("keeps tsc's errors", () => {
  const collector = failureCollector();
  collector.push(
    "packages/cli/src/commands/preview.ts(90,64): error TS2345: Argument of type 'string | undefined'\n",
  );
  assert.deepEqual(collector.lines(), [
    "packages/cli/src/commands/preview.ts(90,64): error TS2345: Argument of type 'string | undefined'",
  ]);
});

test("keeps which file and rule biome refused", () => {
  const collector = failureCollector();
  collector.push(
    "packages/datasets/src/index.ts:1:1 assist/source/organizeImports  FIXABLE  ━━━━━━\n  × Sort these exports.\n",
  );
  assert.deepEqual(collector.lines(), [
    "packages/datasets/src/index.ts:1:1 assist/source/organizeImports  FIXABLE  ━━━━━━",
    "  × Sort these exports.",
  ]);
});

test("passes over a clean run", () => {
  const collector = failureCollector();
  collector.push(" ✓ src/b.test.ts (3 tests)\n Test Files  2 passed (2)\n");
  assert.deepEqual(collector.lines(), []);
});
