import { describe, expect, it } from "vitest";
import { html, text } from "../internal/test-html.ts";
import { Card } from "./card.tsx";
import { DetailList } from "./detail-list.tsx";

describe("layout", () => {
  it("card renders its title as a heading with actions beside it", () => {
    const markup = html(
      <Card title="Notes" actions={<a href="/n">All</a>}>
        body
      </Card>,
    );
    expect(markup).toMatch(/<h2 class="ab-card__title">Notes<\/h2>.*href="\/n".*body/s);
  });

  it("detail list pairs labels with values and marks missing ones", () => {
    const markup = html(
      <DetailList
        items={[
          { label: "Segment", value: "SMB" },
          { label: "Owner", value: null },
        ]}
      />,
    );
    expect(markup).toMatch(/<dt[^>]*>Segment<\/dt><dd>SMB<\/dd>/);
    expect(text(markup)).toContain("Owner—");
  });
});
