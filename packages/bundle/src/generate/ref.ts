/** A bundle interpolation, `${path}` (e.g. `var.catalog`), written as a call so it never reads as a JS template. */
export function ref(path: string): string {
  return `\${${path}}`;
}
