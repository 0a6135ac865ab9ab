import { describe, expect, it } from "vitest";
import {
  formatPostgresEndpointPath,
  parsePostgresEndpointPath,
  type ResourceType,
  resourceTypeInfo,
  resourceTypes,
} from "./resource-types.ts";

const valid: Record<ResourceType, string> = {
  postgres: "projects/my-project/branches/main/endpoints/ep123",
  database: "instance-abc.database.cloud.databricks.com",
  sql_warehouse: "a1b2c3d4e5f67890",
  genie_space: "01ef1fa2b3c45678",
  serving_endpoint: "databricks-gte-large-en",
  secret: "s3cr3t with spaces",
  job: "123456789",
  experiment: "456789012",
  app: "my-app",
  uc_table: "main.gold.customers",
  uc_volume: "/Volumes/main/raw/files",
  uc_connection: "my_connection",
};

const invalid: Record<ResourceType, string[]> = {
  postgres: [
    "projects/p/branches/b",
    "projects/p/branches/b/endpoints/",
    "ep123",
    "projects/p/branches/b/databases/d",
  ],
  database: ["https://host.example.com", "host:5432", ""],
  sql_warehouse: ["has space", "/sql/1.0/warehouses/abc", ""],
  genie_space: ["a b", ""],
  serving_endpoint: ["my endpoint", "a/b"],
  secret: [""],
  job: ["job-1", "12a"],
  experiment: ["/Users/me/exp", "abc"],
  app: ["My-App", "my_app"],
  uc_table: ["schema.table", "a.b.c.d", "main.gold."],
  uc_volume: ["main/raw/files", "/Volumes/main/raw", "/Volumes/main/raw/files/extra"],
  uc_connection: ["a.b", "my connection"],
};

describe("resource type value schemas", () => {
  it("covers every resource type", () => {
    expect(Object.keys(valid).sort()).toEqual([...resourceTypes].sort());
  });

  it.each(resourceTypes)("%s accepts its documented example and a realistic value", (type) => {
    const info = resourceTypeInfo[type];
    expect(info.schema.safeParse(valid[type]).success).toBe(true);
    if (!info.sensitive) expect(info.schema.safeParse(info.example).success).toBe(true);
  });

  it.each(resourceTypes.flatMap((type) => invalid[type].map((value) => [type, value] as const)))(
    "%s rejects %j",
    (type, value) => {
      expect(resourceTypeInfo[type].schema.safeParse(value).success).toBe(false);
    },
  );
});

describe("postgres endpoint paths", () => {
  it("splits and rebuilds a path", () => {
    const parts = parsePostgresEndpointPath("projects/appbase-local/branches/main/endpoints/primary");
    expect(parts).toEqual({ project: "appbase-local", branch: "main", endpoint: "primary" });
    expect(formatPostgresEndpointPath(parts)).toBe("projects/appbase-local/branches/main/endpoints/primary");
  });

  it("names the expected shape when the path is wrong", () => {
    expect(() => parsePostgresEndpointPath("projects/p/branches/b")).toThrow(
      /projects\/\{project\}\/branches\/\{branch\}\/endpoints\/\{endpoint\}/,
    );
  });
});
