export { type FakeDatabricks, type MintedCredential, startFakeDatabricks } from "./fake-databricks-api.ts";
export { type GateLogin, type PasswordGate, startPasswordGate } from "./password-gate.ts";
