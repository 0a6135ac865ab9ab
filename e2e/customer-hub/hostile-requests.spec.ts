import { expect, test } from "@playwright/test";

// Requests no form sends, against the production build `appbase up --prod` serves: the kit's proxy
// answers undecodable or oversized server-action posts with a 4xx before Next decodes them, HEAD works
// on the API, and hostile URL parameters are reported instead of reaching the database.
const asTess = { cookie: "appbase_local_user=tess" };
const boundary = "----appbase-e2e";
const actionPost = (data: string | Buffer, contentType = "text/plain;charset=UTF-8") => ({
  headers: { ...asTess, "next-action": "7f00aa11", "content-type": contentType },
  data,
});

test.describe("malformed server-action posts get a 4xx with a form error", () => {
  for (const [what, data, contentType, status] of [
    ["an empty body", "", undefined, 400],
    ["truncated JSON", '["$K1",{"a":', undefined, 400],
    ["a body over 1 MB", "x".repeat(1024 * 1024 + 1), undefined, 413],
    [
      "a cut-off form",
      `--${boundary}\r\nContent-Disposition: form-data; name="1_body"\r\n\r\nhello\r\n`,
      `multipart/form-data; boundary=${boundary}`,
      400,
    ],
  ] as const) {
    test(what, async ({ request }) => {
      const response = await request.post("/customers", actionPost(data, contentType));
      expect(response.status()).toBe(status);
      const body = (await response.json()) as { error: { kind: string; fieldErrors: { _form: string[] } } };
      expect(body.error.kind).toBe("invalid");
      expect(body.error.fieldErrors._form[0]).toMatch(/reload the page|larger than 1 MB/);
    });
  }
});

test("a cut-off form posted without JavaScript (no next-action header) still reaches the guard", async ({
  request,
}) => {
  const response = await request.post("/customers", {
    headers: { ...asTess, "content-type": `multipart/form-data; boundary=${boundary}` },
    data: `--${boundary}\r\nContent-Disposition: form-data; name="$ACTION_ID_7f00aa11"\r\n\r\n\r\n`,
  });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { error: { fieldErrors: { _form: string[] } } };
  expect(body.error.fieldErrors._form[0]).toMatch(/form data is incomplete/);
});

test("HEAD /api/customers answers as GET does", async ({ request }) => {
  const head = await request.head("/api/customers?q=ann", { headers: asTess });
  expect(head.status()).toBe(200);
});

test("a NUL in the search is a 400 on q from the API and an explained, ignored search on the page", async ({
  request,
  page,
}) => {
  const api = await request.get("/api/customers?q=%00", { headers: asTess });
  expect(api.status()).toBe(400);
  expect(
    ((await api.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.q,
  ).toEqual(["q contains control characters; remove them."]);

  const shown = await page.goto("/customers?q=%00");
  expect(shown?.status()).toBe(200);
  await expect(page.getByRole("list", { name: "Ignored table parameters" })).toContainText(
    "q contains control characters",
  );
  await expect(page.getByText("not reachable")).toHaveCount(0);
});
