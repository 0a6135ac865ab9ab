import type { Prng } from "../prng.ts";
import { evidenceKinds, roles, systems } from "../vocab/policy-topics.ts";

/**
 * Compliance prose assembled from sentence templates. `{t}` is the policy topic (lower case),
 * `{a}` the area, `{r}`/`{r2}` roles, `{s}` a system, `{e}` evidence, `{n}` a number of days,
 * `{m}` a monetary threshold, `{p}` a percentage.
 */
const sections: ReadonlyArray<{ heading: string; sentences: readonly string[] }> = [
  {
    heading: "Purpose",
    sentences: [
      "This policy sets out how the firm manages {t} as part of its {a} framework.",
      "It exists so that decisions about {t} are consistent, explainable and can be replayed by an auditor.",
      "The policy applies the firm's risk appetite to {t} and translates it into controls that staff can follow.",
      "Regulators expect the firm to show not only that it has controls for {t}, but that the controls work in practice.",
    ],
  },
  {
    heading: "Scope",
    sentences: [
      "It applies to every business line, branch and subsidiary that onboards or services customers.",
      "Contractors and outsourced providers acting on the firm's behalf are in scope and must follow the same standard.",
      "Automated agents that prepare recommendations on {t} are in scope; their output is advice to a human and never a final decision.",
      "Legacy products are covered from the date this version takes effect, with no grandfathering of earlier exceptions.",
    ],
  },
  {
    heading: "Requirements",
    sentences: [
      "Before any decision on {t}, {r} must record {e} in {s}.",
      "Where the amount exceeds {m}, {r} must obtain approval from {r2} before proceeding.",
      "Reviews must be completed within {n} calendar days of the triggering event, and the due date is tracked in {s}.",
      "A decision that departs from the model's recommendation requires a written rationale that names the facts relied on.",
      "Any indicator of {t} that cannot be explained from the customer's profile must be escalated rather than closed.",
      "Thresholds for {t} are calibrated at least annually and whenever alert volumes move by more than {p} percent.",
      "Staff must not disclose to the customer that a review of {t} is under way.",
      "Only data the customer has consented to for this purpose may be used, and masked values must remain masked in exports.",
      "Duplicate alerts for the same rule and customer are merged into a single case so that evidence is reviewed once.",
    ],
  },
  {
    heading: "Escalation",
    sentences: [
      "Matters that meet the escalation criteria are referred to {r2} within {n} business days.",
      "If {r} and {r2} disagree, the matter is escalated to the head of compliance, whose decision is final.",
      "Escalated cases remain open until every outstanding request for information has been answered or formally closed.",
      "Where the facts suggest a reportable suspicion, the case is referred to the Money Laundering Reporting Officer without delay.",
    ],
  },
  {
    heading: "Record keeping",
    sentences: [
      "All evidence, decisions and status changes are kept in {s} for at least five years after the relationship ends.",
      "Every change of state is written to an append-only audit trail with the actor, the time and the previous value.",
      "Records must allow the firm to reconstruct the state of any case at any point in time.",
      "Copies of {e} must be stored with the case, not in personal drives or email.",
    ],
  },
  {
    heading: "Exceptions",
    sentences: [
      "Exceptions to this policy require written approval from {r2} and expire after {n} days unless renewed.",
      "Each exception is logged with its rationale, owner and expiry, and reviewed at the monthly risk committee.",
      "No exception may be granted that would breach a legal or regulatory requirement.",
    ],
  },
];

function fill(template: string, r: Prng, topic: string, area: string): string {
  return template
    .replaceAll("{t}", topic.toLowerCase())
    .replaceAll("{a}", area.toLowerCase())
    .replaceAll("{r2}", r.pick(roles))
    .replaceAll("{r}", r.pick(roles))
    .replaceAll("{s}", r.pick(systems))
    .replaceAll("{e}", r.pick(evidenceKinds))
    .replaceAll("{n}", String(r.pick([5, 10, 14, 30, 45, 90])))
    .replaceAll("{m}", r.pick(["EUR 10,000", "USD 15,000", "GBP 5,000", "EUR 50,000"]))
    .replaceAll("{p}", String(r.pick([15, 20, 25, 30])));
}

/** A multi-paragraph policy body; each paragraph starts with its section heading. */
export function policyBody(r: Prng, topic: string, area: string): string {
  const paragraphs: string[] = [];
  for (const section of sections) {
    // Purpose, Scope, Requirements and Escalation always appear; the rest in most policies.
    if (paragraphs.length >= 4 && r.chance(0.25)) continue;
    const count = section.heading === "Requirements" ? r.int(4, 6) : r.int(2, 3);
    // Keep the template order so sentences that lean on the previous one still follow it.
    const picked = r
      .sample(section.sentences, count)
      .sort((x, y) => section.sentences.indexOf(x) - section.sentences.indexOf(y))
      .map((s) => fill(s, r, topic, area));
    paragraphs.push(`${section.heading}. ${picked.join(" ")}`);
  }
  return paragraphs.join("\n\n");
}
