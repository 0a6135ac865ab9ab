import { genieRoutes } from "@appbase/databricks/testing";

/**
 * A Genie space for the kit's tests, served by the shared fake workspace: questions about segments
 * get a query, a text answer and a follow-up; a question containing "fail" fails as Genie does.
 */
export function customerGenieSpace(pollsBeforeDone = 1) {
  return genieRoutes({
    pollsBeforeDone,
    answer: (question) =>
      question.includes("fail")
        ? {
            status: "FAILED",
            error: { error: "[INSUFFICIENT_PERMISSIONS] no SELECT", type: "SQL_EXECUTION_EXCEPTION" },
          }
        : {
            status: "COMPLETED",
            attachments: [
              {
                attachment_id: "01f07c11b7d84e2fa0b1c2d3e4f5a6b7",
                query: {
                  title: "Customers by segment",
                  query: "SELECT segment, count(*) AS customers FROM customer.customers GROUP BY segment",
                  statement_id: "01f07c11-b7e0-1f3a-8b4c-5d6e7f8a9b0c",
                },
              },
              {
                attachment_id: "01f07c11c0e94f3ab1c2d3e4f5a6b7c8",
                text: { content: "Premium has the most customers of the two segments shown." },
              },
              {
                attachment_id: "01f07c11c1fa403bc2d3e4f5a6b7c8d9",
                suggested_questions: { questions: ["How many are high risk?"] },
              },
            ],
          },
    queryResult: (statementId) => ({
      statement_id: statementId,
      status: { state: "SUCCEEDED" },
      manifest: {
        format: "JSON_ARRAY",
        schema: {
          column_count: 2,
          columns: [
            { name: "segment", position: 0, type_name: "STRING", type_text: "STRING" },
            { name: "customers", position: 1, type_name: "LONG", type_text: "BIGINT" },
          ],
        },
        total_row_count: 2,
      },
      result: {
        chunk_index: 0,
        row_offset: 0,
        row_count: 2,
        data_array: [
          ["vip", "12"],
          ["premium", "40"],
        ],
      },
    }),
  });
}
