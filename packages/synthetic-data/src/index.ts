export { agentDefinitions } from "./agents/agent-definitions.ts";
export { messages } from "./agents/messages.ts";
export { threads } from "./agents/threads.ts";
export { toolCalls } from "./agents/tool-calls.ts";
export { tools } from "./agents/tools.ts";
export { customerFeatureNames, customerFeatures } from "./customer/customer-features.ts";
export { customers } from "./customer/customers.ts";
export { interactions } from "./customer/interactions.ts";
export { assetScores } from "./operations/asset-scores.ts";
export { assets } from "./operations/assets.ts";
export { sites } from "./operations/sites.ts";
export { workOrders } from "./operations/work-orders.ts";
export { Prng, rngFor, streamKey } from "./prng.ts";
export { datasets, datasetsOf, domains, getDataset } from "./registry.ts";
export { alerts } from "./risk/alerts.ts";
export { entities } from "./risk/entities.ts";
export { policies } from "./risk/policies.ts";
export { riskScores } from "./risk/risk-scores.ts";
export { DEFAULT_EPOCH, parseScale, resolveScale, type ScaleSpec, scales } from "./scale.ts";
export { type Chunk, type Format, serializeDataset } from "./serialize/chunks.ts";
export { csvField, csvHeader, csvLine } from "./serialize/csv.ts";
export { jsonlLine } from "./serialize/jsonl.ts";
export { type WriteDatasetOptions, writeDataset } from "./serialize/write-dataset.ts";
export { type WriteDatasetsOptions, writeDatasets } from "./serialize/write-datasets.ts";
export type {
  Column,
  ColumnType,
  DatasetTable,
  Domain,
  GenerateOptions,
  JsonValue,
  Row,
  RowOf,
  Scale,
  ScaleName,
} from "./types.ts";
