import { describe, expect, it } from "vitest";
import { createEntityLinkRoute } from "./entity-link-route.ts";
import { entityLinkIssues, entityPath } from "./entity-links.ts";
import { kitLink } from "./kit-link.ts";

const hub = { id: "customer-hub", title: "Customer Intelligence Hub", url: "http://127.0.0.1:3101/" };
const links = { customer: { path: "/customers/:id", label: "customer" } } as const;

describe("kitLink", () => {
  it("links to the entity route of a running kit", () => {
    expect(kitLink([hub], { kit: "customer-hub", entity: "customer", id: "C0000007" })).toEqual({
      deployed: true,
      kit: "customer-hub",
      title: "Customer Intelligence Hub",
      href: "http://127.0.0.1:3101/go/customer/C0000007",
    });
  });

  it("says a kit that is not deployed is not deployed, with no href", () => {
    const link = kitLink([hub], { kit: "agent-ops", entity: "thread", id: "t-1" });
    expect(link).toMatchObject({ deployed: false, kit: "agent-ops" });
    expect(link).not.toHaveProperty("href");
    expect(link.deployed ? "" : link.reason).toMatch(/agent-ops is not deployed here/);
  });

  it.each(["../admin", "a/b", "x\u0000y", "", "é", "a".repeat(101)])("refuses the id %j", (id) => {
    expect(kitLink([hub], { kit: "customer-hub", entity: "customer", id })).toMatchObject({
      deployed: false,
      reason: expect.stringMatching(/is not a customer id/),
    });
  });
});

describe("entity links", () => {
  it("fills the declared path with the id, and nothing for an undeclared entity", () => {
    expect(entityPath(links, "customer", "C0000007")).toBe("/customers/C0000007");
    expect(entityPath(links, "toString", "x")).toBeNull();
    expect(entityPath(links, "case", "x")).toBeNull();
    expect(entityPath(undefined, "customer", "x")).toBeNull();
  });

  it.each([
    [{ Customer: { path: "/customers/:id", label: "customer" } }, /links\.Customer: name the entity/],
    [{ customer: { path: "/customers", label: "customer" } }, /links\.customer\.path: .*one :id/],
    [{ customer: { path: "/c/:id/:id", label: "customer" } }, /links\.customer\.path/],
    [{ customer: { path: "/customers/:id", label: " " } }, /links\.customer\.label/],
  ])("refuses %j, naming the field", (declared, message) => {
    expect(entityLinkIssues(declared as never).join("\n")).toMatch(message);
  });

  it("accepts a well-formed declaration", () => {
    expect(
      entityLinkIssues({ ...links, "work-order": { path: "/work-orders/:id", label: "work order" } }),
    ).toEqual([]);
  });
});

describe("the entity link route", () => {
  const route = createEntityLinkRoute({ id: "customer-hub", links });
  const open = (entity: string, id: string) =>
    route(new Request(`http://hub/go/${entity}/${id}`), { params: Promise.resolve({ entity, id }) });

  it("redirects to the declared page", async () => {
    const response = await open("customer", "C0000007");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("/customers/C0000007");
  });

  it("answers 404 naming what the kit links, for an unknown entity or a bad id", async () => {
    for (const [entity, id] of [
      ["case", "1"],
      ["customer", "%2e%2e"],
    ] as const) {
      const response = await open(entity, id);
      expect(response.status).toBe(404);
      expect(await response.text()).toMatch(/it links: customer/);
    }
  });
});
