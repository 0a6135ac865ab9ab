// Test support: a second process using the same lakehouse folder.
//   write <dir> <writer> <count>   appends <count> rows, one commit each, through the adapter
//   hold <dir> <ms>                holds the DuckDB file lock itself for <ms>, then exits
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { openLocalLakehouse } from "../local-lakehouse.ts";

const [mode, dir, a] = process.argv.slice(2);
if (!dir) throw new Error("usage: lakehouse-child.ts write|hold <dir> …");

if (mode === "write") {
  const lake = await openLocalLakehouse({ directory: dir, idleReleaseMs: 20 });
  const count = Number(process.argv[5]);
  for (let n = 0; n < count; n++) await lake.append("main.shared.events", [{ writer: a ?? "child", n }]);
  await lake.close();
  console.log("done");
} else if (mode === "hold") {
  const instance = await DuckDBInstance.create(path.join(dir, "lakehouse.duckdb"));
  console.log("locked");
  await new Promise((resolve) => setTimeout(resolve, Number(a)));
  instance.closeSync();
  console.log("released");
}
