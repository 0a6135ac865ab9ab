import type { Queryable } from "@appbase/db";
import type { ResolvedColumnRule } from "@appbase/grants";
import { type Viewer, visibleCustomers } from "../customers/access.ts";
import type { GenieAnswer } from "./genie-types.ts";
import { genieColumnRule } from "./mask-answer.ts";

/** A result column holding customer ids: `customer_id`, or any name ending in it (`c.customer_id`, `top_customer_id`). */
const CUSTOMER_ID = /customer_id$/i;
/** A column naming a person: a PII column of the matrix, or a name (`full_name`, `customer_name`). */
const NAME = /name/i;

/**
 * Applies the `assigned-customers` row rule to a Genie answer. Genie queries the warehouse, where the
 * rule does not reach, so its rows are checked here against Lakebase: rows whose customer id is not one
 * of the viewer's are dropped. A result with no customer id column but a column that identifies a
 * person (PII or a name) cannot be checked row by row and is withheld whole; one with neither (counts,
 * averages per segment) is kept. Whenever rows are withheld, Genie's own summary (written over every
 * row) is replaced by a sentence saying how many and why. Read-all holders get the answer unchanged.
 */
export async function filterGenieAnswer(
  db: Queryable,
  viewer: Viewer,
  answer: GenieAnswer,
  rules: Record<string, ResolvedColumnRule>,
): Promise<GenieAnswer> {
  const scope = visibleCustomers(viewer, { firstParam: 2 });
  if (scope.sql === "TRUE" || answer.rows.length === 0) return answer;
  const idColumn = answer.columns.findIndex((c) => CUSTOMER_ID.test(c));
  if (idColumn < 0) {
    const identifying = answer.columns.filter((c) => genieColumnRule(c, rules) !== undefined || NAME.test(c));
    if (identifying.length === 0) return answer;
    return withheld(
      answer,
      [],
      `All ${answer.rows.length} row(s) were withheld: the answer names people (${identifying.join(", ")}) without a customer_id column, so it cannot be limited to the customers assigned to you. Ask again and include the customer id.`,
    );
  }
  const ids = [...new Set(answer.rows.map((row) => row[idColumn]).filter((id): id is string => !!id))];
  const { rows } = await db.query<{ customer_id: string }>(
    `select customer_id from customer.customers where customer_id = any($1::text[]) and ${scope.sql}`,
    [ids, ...scope.params],
  );
  const visible = new Set(rows.map((r) => r.customer_id));
  const kept = answer.rows.filter((row) => visible.has(row[idColumn] ?? ""));
  if (kept.length === answer.rows.length) return answer;
  const dropped = answer.rows.length - kept.length;
  return withheld(
    answer,
    kept,
    `${dropped} of ${answer.rows.length} row(s) were withheld: they are about customers not assigned to you. Genie's summary of the full result is not shown.`,
  );
}

function withheld(answer: GenieAnswer, rows: (string | null)[][], note: string): GenieAnswer {
  return { ...answer, text: note, rows };
}
