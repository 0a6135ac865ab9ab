// What other packages' and kits' tests use from the grant engine.
export { describeAccessGrid } from "./access-grid.ts";
export { caseFile, contact, queueMatrix, sampleMatrices, sampleMatrix } from "./sample-matrices.ts";
