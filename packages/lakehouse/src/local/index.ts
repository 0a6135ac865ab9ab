export { type LocalLakehouseOptions, openLocalLakehouse } from "./local-lakehouse.ts";
