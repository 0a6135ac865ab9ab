import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { KitEntityLink } from "./kit-entity-link.tsx";
import { kitLink } from "./kit-link.ts";

const hub = { id: "customer-hub", title: "Customer Intelligence Hub", url: "http://127.0.0.1:3101" };
const to = { kit: "customer-hub", entity: "customer", id: "C0000007" };

describe("KitEntityLink", () => {
  it("renders a link into the other kit when it runs", () => {
    const html = renderToStaticMarkup(
      <KitEntityLink link={kitLink([hub], to)}>customer C0000007</KitEntityLink>,
    );
    expect(html).toContain('href="http://127.0.0.1:3101/go/customer/C0000007"');
    expect(html).toContain("in Customer Intelligence Hub");
  });

  it("renders no link, and says the kit is not deployed, when it does not run", () => {
    const html = renderToStaticMarkup(
      <KitEntityLink link={kitLink([], to)}>customer C0000007</KitEntityLink>,
    );
    expect(html).not.toContain("<a");
    expect(html).toContain("customer C0000007");
    expect(html).toContain("(customer-hub is not deployed)");
    expect(html).toContain(
      'title="customer-hub is not deployed here, so its customer C0000007 cannot be opened."',
    );
  });
});
