import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AgentProvenance, KitEntityLink } from "./kit-entity-link.tsx";
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

describe("AgentProvenance", () => {
  const agentOps = { id: "agent-ops", title: "AI Agent Operations Center", url: "http://127.0.0.1:3102" };
  const thread = { kit: "agent-ops", entity: "thread", id: "t-42" };

  it("names the section and links the thread in the agent kit", () => {
    const html = renderToStaticMarkup(
      <AgentProvenance
        label="Filed by an agent"
        lead="Filed by an agent after a human review"
        thread={kitLink([agentOps], thread)}
        threadId="t-42"
      />,
    );
    expect(html).toContain('<section aria-label="Filed by an agent">');
    expect(html).toContain("Filed by an agent after a human review: ");
    expect(html).toContain('href="http://127.0.0.1:3102/go/thread/t-42"');
    expect(html).toContain("thread t-42");
  });

  it("keeps the thread id, unlinked, when the agent kit is not deployed", () => {
    const html = renderToStaticMarkup(
      <AgentProvenance
        label="Proposed by an agent"
        lead="Proposed"
        thread={kitLink([], thread)}
        threadId="t-42"
      />,
    );
    expect(html).not.toContain("<a");
    expect(html).toContain("thread t-42");
    expect(html).toContain("(agent-ops is not deployed)");
  });
});
