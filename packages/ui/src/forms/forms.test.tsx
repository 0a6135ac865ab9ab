import { describe, expect, it } from "vitest";
import { html, tagsWith, text } from "../internal/test-html.ts";
import { ConflictNotice } from "./conflict-notice.tsx";
import { SelectField } from "./select-field.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { TextAreaField } from "./text-area-field.tsx";
import { TextField } from "./text-field.tsx";

describe("form fields", () => {
  it("tie the error to the control so screen readers read it", () => {
    const markup = html(
      <TextField
        name="title"
        label="Title"
        error="title: enter at most 80 characters."
        hint="Shown in the queue"
      />,
    );
    const input = tagsWith(markup, "<input")[0];
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="ab-field-title-error ab-field-title-hint"');
    expect(markup).toContain('id="ab-field-title-error"');
    expect(tagsWith(markup, "<label")[0]).toContain('for="ab-field-title"');
  });

  it("leave valid controls unmarked", () => {
    const input = tagsWith(html(<TextField name="title" label="Title" />), "<input")[0];
    expect(input).not.toContain("aria-invalid");
    expect(input).not.toContain("aria-describedby");
  });

  it("count characters of the initial text against the limit", () => {
    const markup = html(<TextAreaField name="note" label="Note" maxLength={280} defaultValue="hello" />);
    expect(text(markup)).toContain("5 / 280");
    expect(tagsWith(markup, "<textarea")[0]).toContain('maxLength="280"');
  });

  it("render select options with a placeholder", () => {
    const markup = html(
      <SelectField name="s" label="S" placeholder="Choose…" options={[{ value: "a", label: "A" }]} />,
    );
    expect(markup).toMatch(/<option value="">Choose…<\/option><option value="a">A<\/option>/);
  });

  it("render the submit button enabled when no submission is pending", () => {
    const button = tagsWith(html(<SubmitButton pendingLabel="Saving…">Save</SubmitButton>), "<button")[0];
    expect(button).toContain('type="submit"');
    expect(button).not.toContain("disabled");
  });
});

describe("ConflictNotice", () => {
  it("offers reload and an overwrite that is still checked against their version", () => {
    const markup = html(
      <ConflictNotice
        theirVersion={8}
        theirUpdatedBy="Priya"
        theirUpdatedAt="2026-01-01T11:59:00Z"
        now="2026-01-01T12:00:00Z"
        reloadHref="/cases/7"
        overwrite={{ action: "/cases/7/save", fields: { status: "done", note: "mine" } }}
      />,
    );
    expect(text(markup)).toContain("Someone else changed this while you were editing");
    expect(text(markup)).toContain("Now at version 8, saved by Priya 1 min ago");
    expect(tagsWith(markup, 'href="/cases/7"')).toHaveLength(1);
    const hidden = tagsWith(markup, 'type="hidden"').map((tag) =>
      tag
        .match(/name="([^"]+)" value="([^"]*)"/)
        ?.slice(1)
        .join("="),
    );
    expect(hidden).toEqual(["status=done", "note=mine", "expectedVersion=8"]);
    expect(text(markup)).toContain("Overwrite with mine");
  });
});
