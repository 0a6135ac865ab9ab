import type { LocalUser } from "@appbase/bindings";

/**
 * People the local identity switcher offers, one or two per role of the matrix; the first is the
 * default. Technicians' ids are their roster ids, which the own-work-orders row rule matches.
 */
export const localPeople: LocalUser[] = [
  { id: "pia", email: "pia.planner@example.com", displayName: "Pia Planner", groups: ["operations-portal-planners"] },
  { id: "t.nguyen", email: "t.nguyen@example.com", displayName: "Thi Nguyen", groups: ["operations-portal-technicians"] },
  { id: "m.garcia", email: "m.garcia@example.com", displayName: "Marta Garcia", groups: ["operations-portal-technicians"] },
  { id: "sam", email: "sam.manager@example.com", displayName: "Sam Site-Manager", groups: ["operations-portal-site-managers"] },
  { id: "vera", email: "vera.viewer@example.com", displayName: "Vera Viewer", groups: ["operations-portal-viewers"] },
];

/** The technician roster the seed loads: the synced history's assignees (two of them can sign in locally). */
export const ROSTER = [
  ["d.kowalski", "Dariusz Kowalski"],
  ["m.garcia", "Marta Garcia"],
  ["t.nguyen", "Thi Nguyen"],
  ["a.schmidt", "Anja Schmidt"],
  ["r.patel", "Ravi Patel"],
  ["h.sato", "Hiro Sato"],
  ["j.oliveira", "João Oliveira"],
  ["c.brown", "Chris Brown"],
] as const;
