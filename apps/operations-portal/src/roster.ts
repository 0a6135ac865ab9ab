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
