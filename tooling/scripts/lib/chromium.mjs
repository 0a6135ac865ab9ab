import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Finds Chromium for Playwright, installing Debian's package when possible; otherwise says what to install. */
export function ensureChromium() {
  const found = [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p) => p && existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("Chromium is missing: installing Debian's chromium package (apt-get install -y chromium)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const install = () =>
      spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
        stdio: "inherit",
        env,
      });
    if (install().status !== 0) {
      spawnSync("apt-get", ["update"], { stdio: "inherit", env });
      install();
    }
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  console.error(
    [
      "The end-to-end tests need Chromium and it is not installed.",
      "  Debian/Ubuntu: sudo apt-get install -y chromium",
      "  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium",
      "(Playwright's own browser download is not used: it needs hosts outside the npm registry.)",
    ].join("\n"),
  );
  process.exit(1);
}
