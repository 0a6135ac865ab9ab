import type { RouteModule } from "../route.ts";

/**
 * `GET /api/2.0/preview/scim/v2/Me`: the caller's own SCIM user. With a user's forwarded token it is
 * that user with their groups (the token's principal in the registry); with the app's M2M token it is
 * the service principal, whose `userName` is its application id.
 */
export function scimMeRoutes(): RouteModule[] {
  return [
    {
      name: "scim.me",
      method: "GET",
      path: "/api/2.0/preview/scim/v2/Me",
      handle: ({ principal }) => {
        const userName = principal?.kind === "user" ? principal.userName : (principal?.clientId ?? "");
        const groups = principal?.kind === "user" ? principal.groups : [];
        return {
          status: 200,
          body: {
            schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
            userName,
            emails: principal?.kind === "user" ? [{ value: userName, primary: true }] : [],
            groups: groups.map((display, i) => ({ display, value: String(1000 + i), type: "direct" })),
            active: true,
          },
        };
      },
    },
  ];
}
