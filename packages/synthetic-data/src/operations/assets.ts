import { defineDataset } from "../define.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { assetProfile } from "./asset-profile.ts";

const columns = [
  { name: "asset_id", type: "text", nullable: false },
  { name: "site_id", type: "text", nullable: false },
  { name: "asset_type", type: "text", nullable: false },
  { name: "tag", type: "text", nullable: false },
  { name: "manufacturer", type: "text", nullable: false },
  { name: "model", type: "text", nullable: false },
  { name: "install_date", type: "date", nullable: false },
  { name: "criticality", type: "text", nullable: false },
  { name: "status", type: "text", nullable: false },
] as const;

/** Physical assets (pumps, motors, compressors, …) at each site. */
export const assets = defineDataset({
  domain: "operations",
  name: "assets",
  description: "Physical assets with type, site, install date, criticality and operating status.",
  columns,
  primaryKey: ["asset_id"],
  dependsOn: ["sites"],
  defaultRows: (scale) => resolveScale(scale).assets,
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    for (let i = 0; i < spec.assets; i++) yield assetProfile(seed, i, spec.sites, epochMs).row;
  },
});
