import { defineDataset } from "../define.ts";
import { rngFor } from "../prng.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { DAY, isoDate } from "../time.ts";
import { policyAreas } from "../vocab/policy-topics.ts";
import { policyId } from "./ids.ts";
import { policyBody } from "./policy-prose.ts";

const allTopics = policyAreas.flatMap((area) => area.topics.map((topic) => ({ area, topic })));

const columns = [
  { name: "policy_id", type: "text", nullable: false },
  { name: "title", type: "text", nullable: false },
  { name: "category", type: "text", nullable: false },
  { name: "version", type: "text", nullable: false },
  { name: "owner", type: "text", nullable: false },
  { name: "effective_date", type: "date", nullable: false },
  { name: "body", type: "text", nullable: false },
] as const;

/** Compliance policies (several paragraphs each) for retrieval next to cases. */
export const policies = defineDataset({
  domain: "risk",
  name: "policies",
  description: "Compliance policy texts (purpose, scope, requirements, escalation, records, exceptions).",
  columns,
  primaryKey: ["policy_id"],
  defaultRows: (scale) => resolveScale(scale).policies,
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    for (let i = 0; i < spec.policies; i++) {
      const r = rngFor(seed, "policy", i);
      // Cycle through topics; later passes are regional or product-specific variants.
      const entry = allTopics[i % allTopics.length]!;
      const pass = Math.floor(i / allTopics.length);
      const variant =
        pass === 0
          ? ""
          : ` (${["EMEA", "Americas", "APAC", "Retail", "Corporate", "Payments"][(pass - 1) % 6]}${pass > 6 ? ` ${Math.ceil(pass / 6)}` : ""})`;
      yield {
        policy_id: policyId(i),
        title: `${entry.area.area}: ${entry.topic}${variant}`,
        category: entry.area.category,
        version: `${r.int(1, 5)}.${r.int(0, 9)}`,
        owner: entry.area.owner,
        effective_date: isoDate(epochMs - r.int(10, 900) * DAY),
        body: policyBody(r, entry.topic, entry.area.area),
      };
    }
  },
});
