import type { Preview } from "@appbase/branches/preview";
import { Card } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import { ErrorState } from "@appbase/ui/states";
import type { ReactNode } from "react";
import type { ZodType } from "zod";
import { NotFoundError } from "../action/errors.ts";
import type { PreviewReview } from "./kit-previews.ts";
import { PreviewDiff } from "./preview-diff.tsx";

/** What the review page needs of a kit's previews (`kitPreviews(...)`). */
export interface ReviewablePreviews<Plan> {
  branchField: ZodType;
  review(env: Record<string, string | undefined>, branch: string): Promise<PreviewReview<Plan>>;
}

/**
 * One preview's review page: what it changes, the row diff against main, and the kit's decision
 * (apply/discard). A branch name that is not one of the kit's previews, or a preview that is gone
 * (applied, discarded, expired), is a plain message pointing back to the list, never an error page.
 */
export async function PreviewReviewPage<Plan>(props: {
  previews: ReviewablePreviews<Plan>;
  branch: string;
  /** The kit's id, for the `appbase preview <kit> --branch` command shown. */
  kit: string;
  /** How the page names the kit and the list it came from, e.g. "the hub", "Status migrations". */
  kitName: string;
  listName: string;
  describe(preview: Preview<Plan>): string;
  /** Why the change was made, when the person preparing it said. */
  note?(plan: Plan): string | undefined;
  /** The column that identifies a row to a person in the diff (see PreviewDiff). */
  labelColumn?: string;
  decision: ReactNode;
}) {
  const { branch } = props;
  if (!props.previews.branchField.safeParse(branch).success)
    return <ErrorState title="No such preview" message={`Pick a preview from ${props.listName}.`} />;
  let review: PreviewReview<Plan>;
  try {
    review = await props.previews.review(process.env, branch);
  } catch (error) {
    if (error instanceof NotFoundError)
      return <ErrorState title="This preview is gone" message="It was applied, discarded or expired." />;
    throw error;
  }
  const { preview, diff } = review;
  const note = props.note?.(preview.plan);
  return (
    <>
      <PageHeader title={preview.title} description={props.describe(preview)} />
      {note ? <p>Why: {note}</p> : null}
      <Card title={`Open ${props.kitName} on this branch`}>
        <p>
          Every page there shows the branch in its environment badge. Run{" "}
          <code data-preview-command>
            appbase preview {props.kit} --branch {branch}
          </code>
        </p>
      </Card>
      <PreviewDiff diff={diff} {...(props.labelColumn ? { labelColumn: props.labelColumn } : {})} />
      {props.decision}
    </>
  );
}
