import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseAppYaml } from "@appbase/bindings";
import { freePort } from "@appbase/db/local";
import { describe, expect, it } from "vitest";
import { type RunningApp, startStagedApp } from "../rehearse/run-staged-app.ts";
import { scratchDir } from "../testing/scratch-dir.ts";
import { stageKit } from "./stage-kit.ts";

// Stands in for Next's standalone server.js: listens on PORT/HOSTNAME and serves its static file.
const SERVER_JS = `const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const dep = require("tiny-dep");
http.createServer((req, res) => {
  if (req.url === "/static") return res.end(fs.readFileSync(path.join(__dirname, ".next/static/chunk.js")));
  res.end(JSON.stringify({ host: process.env.HOSTNAME, dep: dep.name }));
}).listen(Number(process.env.PORT), process.env.HOSTNAME);
`;

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function fakeBuiltKit(): string {
  const root = scratchDir("stage-");
  const standalone = "apps/demo/.next/standalone";
  write(root, {
    "bundles/demo/app.yaml": "command: [node, start.mjs]\nenv:\n  - name: LOG_LEVEL\n    value: info\n",
    [`${standalone}/apps/demo/server.js`]: SERVER_JS,
    [`${standalone}/apps/demo/package.json`]: JSON.stringify({
      name: "@appbase/demo",
      dependencies: { "@appbase/db": "workspace:*" },
    }),
    [`${standalone}/apps/demo/.env`]: "SECRET=1\n",
    [`${standalone}/node_modules/.pnpm/tiny-dep@1.0.0/node_modules/tiny-dep/index.js`]:
      'module.exports = { name: "tiny-dep" };\n',
    [`${standalone}/package.json`]: JSON.stringify({
      name: "appbase",
      dependencies: { "@appbase/cli": "workspace:*" },
    }),
    "apps/demo/.next/static/chunk.js": "console.log('chunk');\n",
    "apps/demo/public/logo.svg": "<svg/>\n",
  });
  // pnpm's layout: top-level packages are links into .pnpm.
  symlinkSync(".pnpm/tiny-dep@1.0.0/node_modules/tiny-dep", join(root, standalone, "node_modules/tiny-dep"));
  return root;
}

describe("stageKit", () => {
  it("writes a self-contained folder: server, static assets, app.yaml, launcher, package.json without workspace deps", async () => {
    const root = fakeBuiltKit();
    const steps: string[] = [];
    const staged = await stageKit({
      repoRoot: root,
      kit: { kit: "demo", dir: join(root, "apps/demo") },
      build: false,
      onProgress: (step) => steps.push(step),
    });
    const out = join(root, "bundles/demo/app");
    expect(staged.outDir).toBe(out);
    expect(staged.serverPath).toBe("apps/demo/server.js");
    expect(steps).toContain("copying");
    expect(existsSync(join(out, "apps/demo/.next/static/chunk.js"))).toBe(true);
    expect(existsSync(join(out, "apps/demo/public/logo.svg"))).toBe(true);
    expect(lstatSync(join(out, "node_modules/tiny-dep")).isSymbolicLink()).toBe(false);
    expect(existsSync(join(out, "apps/demo/.env"))).toBe(false);
    expect(parseAppYaml(readFileSync(join(out, "app.yaml"), "utf8")).command).toEqual(["node", "start.mjs"]);
    const manifests = [join(out, "package.json"), join(out, "apps/demo/package.json")].map((file) =>
      readFileSync(file, "utf8"),
    );
    for (const manifest of manifests) expect(manifest).not.toContain("workspace:");
    expect(JSON.parse(manifests[0] ?? "{}")).toMatchObject({ scripts: { start: "node start.mjs" } });
  });

  it("produces a folder that starts on DATABRICKS_APP_PORT through its launcher", async () => {
    const root = fakeBuiltKit();
    const staged = await stageKit({
      repoRoot: root,
      kit: { kit: "demo", dir: join(root, "apps/demo") },
      build: false,
    });
    const port = await freePort();
    const appYaml = parseAppYaml(readFileSync(join(staged.outDir, "app.yaml"), "utf8"));
    let app: RunningApp | undefined;
    try {
      app = await startStagedApp({
        stagedDir: staged.outDir,
        appYaml,
        env: { PATH: process.env.PATH ?? "", DATABRICKS_APP_PORT: String(port) },
        port,
        healthPath: "/",
      });
      expect(await (await fetch(app.url)).json()).toEqual({ host: "0.0.0.0", dep: "tiny-dep" });
      expect(await (await fetch(`${app.url}/static`)).text()).toContain("chunk");
    } finally {
      await app?.stop(2_000);
    }
  });

  it("says how to fix a kit built without standalone output", async () => {
    const root = scratchDir("stage-");
    write(root, { "bundles/demo/app.yaml": "command: [node, start.mjs]\n", "apps/demo/package.json": "{}" });
    await expect(
      stageKit({ repoRoot: root, kit: { kit: "demo", dir: join(root, "apps/demo") }, build: false }),
    ).rejects.toThrow(/set `output: "standalone"` in demo's next.config/);
  });
});
