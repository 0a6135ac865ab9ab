// Runs before every request: malformed or oversized server-action posts get a 4xx here, before Next decodes them.
export { kitProxy as proxy } from "@appbase/next-kit/proxy";
