import { defineDataset } from "../define.ts";
import { rngFor } from "../prng.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { DAY, isoDate } from "../time.ts";
import { siteKinds, siteLocations } from "../vocab/industrial.ts";
import { siteId } from "./ids.ts";

const kindLabel: Record<string, string> = {
  plant: "Plant",
  warehouse: "Warehouse",
  distribution_center: "Distribution Center",
  substation: "Substation",
  water_treatment: "Water Treatment Works",
};

const columns = [
  { name: "site_id", type: "text", nullable: false },
  { name: "name", type: "text", nullable: false },
  { name: "site_type", type: "text", nullable: false },
  { name: "city", type: "text", nullable: false },
  { name: "country_code", type: "text", nullable: false },
  { name: "region", type: "text", nullable: false },
  { name: "timezone", type: "text", nullable: false },
  { name: "commissioned_on", type: "date", nullable: false },
] as const;

/** Industrial sites that hold the assets. */
export const sites = defineDataset({
  domain: "operations",
  name: "sites",
  description: "Plants, warehouses, substations and other sites that hold assets.",
  columns,
  primaryKey: ["site_id"],
  defaultRows: (scale) => resolveScale(scale).sites,
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    for (let i = 0; i < spec.sites; i++) {
      const r = rngFor(seed, "site", i);
      const location = siteLocations[i % siteLocations.length]!;
      const kind = r.weighted(siteKinds);
      const nth = Math.floor(i / siteLocations.length);
      yield {
        site_id: siteId(i),
        name: `${location.city} ${kindLabel[kind] ?? kind}${nth > 0 ? ` ${nth + 1}` : ""}`,
        site_type: kind,
        city: location.city,
        country_code: location.country,
        region: location.region,
        timezone: location.timezone,
        commissioned_on: isoDate(epochMs - r.int(3, 40) * 365 * DAY),
      };
    }
  },
});
