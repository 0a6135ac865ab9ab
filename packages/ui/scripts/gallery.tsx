// Renders every component with sample data into packages/ui/gallery.html (not committed), for review
// in a browser: `pnpm --filter @appbase/ui gallery`, then open the file or screenshot it with Chromium.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { renderToString } from "react-dom/server";
import { GalleryPage } from "./gallery/gallery-page.tsx";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, "..");
const theme = process.argv.includes("--dark") ? "ab-theme-dark" : "";

const css = await readFile(join(packageDir, "src/styles.css"), "utf8");
const markup = renderToString(<GalleryPage />);
const bundle = await build({
  entryPoints: [join(here, "gallery/gallery-client.tsx")],
  bundle: true,
  write: false,
  format: "iife",
  minify: true,
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "error",
});
const script = bundle.outputFiles[0]?.text ?? "";

const html = `<!doctype html>
<html lang="en" class="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AppBase UI gallery</title>
<style>body{margin:0}${css}</style>
</head>
<body class="${theme}">
<div id="gallery-root">${markup}</div>
<script>${script.replace(/<\/script/g, "<\\/script")}</script>
</body>
</html>
`;
const out = join(packageDir, process.argv.includes("--dark") ? "gallery-dark.html" : "gallery.html");
await writeFile(out, html);
console.log(`Wrote ${out} (${Math.round(html.length / 1024)} KB)`);
