// Fixed sample data for the gallery; a fixed "now" keeps server and hydrated markup identical.
export const NOW = new Date("2026-11-22T09:30:00Z");
export const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

export const customers = [
  {
    id: "C-10231",
    name: "Amelia Hart",
    segment: "Enterprise",
    status: "active",
    ltv: 184_220,
    email: "a•••@northwind.io",
    updatedAt: minutesAgo(4),
    freshness: { state: "fresh", ageMs: 4 * 60_000 } as const,
  },
  {
    id: "C-10232",
    name: "Bruno Alvarez",
    segment: "SMB",
    status: "at-risk",
    ltv: 12_480,
    email: "b•••@alvarez.es",
    updatedAt: minutesAgo(38),
    freshness: { state: "stale", ageMs: 38 * 60_000 } as const,
  },
  {
    id: "C-10233",
    name: "Chen Wei",
    segment: "Mid-market",
    status: "active",
    ltv: 58_900,
    email: "c•••@lotus-tech.cn",
    updatedAt: minutesAgo(95),
    freshness: { state: "stale", ageMs: 95 * 60_000 } as const,
  },
  {
    id: "C-10234",
    name: "Dana Okafor",
    segment: "Enterprise",
    status: "churned",
    ltv: 203_115,
    email: "d•••@okafor.ng",
    updatedAt: minutesAgo(600),
    freshness: { state: "stale", ageMs: 600 * 60_000 } as const,
  },
  {
    id: "C-10235",
    name: "Elif Şahin",
    segment: "SMB",
    status: "active",
    ltv: 7_340,
    email: "e•••@sahin.com.tr",
    updatedAt: minutesAgo(1450),
    freshness: { state: "expired", ageMs: 1450 * 60_000 } as const,
  },
];

export const users = [
  { id: "u1", displayName: "Priya Raman", email: "priya@example.com", roles: ["analyst"] },
  { id: "u2", displayName: "Marcus Lee", email: "marcus@example.com", roles: ["lead", "approver"] },
  { id: "u3", displayName: "Ops Viewer", email: "viewer@example.com", roles: [] },
];

export const kits = [
  { id: "customer-hub", title: "Customer Hub", url: "http://localhost:3001", current: true },
  { id: "agent-ops", title: "Agent Ops", url: "http://localhost:3002", current: false },
  {
    id: "risk-compliance",
    title: "Risk & Compliance",
    url: "http://localhost:3003",
    current: false,
    running: false,
    hint: "Not running — start it with pnpm appbase up risk-compliance",
  },
  { id: "operations-portal", title: "Operations Portal", url: "http://localhost:3004", current: false },
];

const hourly = (base: number, amp: number, phase: number) =>
  Array.from({ length: 24 }, (_, i) => ({
    at: new Date(NOW.getTime() - (23 - i) * 3_600_000),
    value: Math.round(base + amp * Math.sin((i + phase) / 3.5) + ((i * 37) % 11)),
  }));

export const alertSeries = [
  { key: "opened", label: "Opened", points: hourly(42, 18, 0) },
  { key: "resolved", label: "Resolved", points: hourly(36, 14, 2) },
];

// A skewed spread of risk scores, generated without randomness.
export const riskScores = Array.from({ length: 600 }, (_, i) => {
  const u = ((i * 7919) % 600) / 600;
  return Math.round(u ** 1.8 * 100) / 100;
});
