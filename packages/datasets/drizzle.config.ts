import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/tables/schemas.ts", "./src/tables/*/*.ts"],
  out: "./drizzle",
  schemaFilter: ["customer", "agents", "risk", "operations"],
});
