export { type FakeDatabricks, type MintedCredential, startFakeDatabricks } from "./fake-databricks-api.ts";
