// Runs before every request that carries a body: malformed or oversized server-action posts get a 4xx
// here, before Next decodes them. Page loads and static files skip it (the matcher is KIT_PROXY_MATCHER
// of @appbase/next-kit/proxy; Next reads it only from this file).
export { kitProxy as proxy } from "@appbase/next-kit/proxy";

export const config = {
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-type" }] },
  ],
};
