import type { TableSpec } from "@appbase/ui/data-table";

/** URL contract of the customer list: what may be sorted and filtered, parsed by `parseTableParams`. */
export const customerTableSpec = {
  sortable: ["full_name", "customer_id", "lifetime_value", "churn_risk_score", "updated_at"],
  defaultSort: { key: "lifetime_value", dir: "desc" },
  pageSizes: [25, 50, 100],
  maxQueryLength: 120,
  filters: [
    {
      key: "segment",
      label: "Segment",
      options: [
        { value: "vip", label: "VIP" },
        { value: "premium", label: "Premium" },
        { value: "small_business", label: "Small business" },
        { value: "mass_market", label: "Mass market" },
        { value: "value", label: "Value" },
      ],
    },
    {
      key: "region",
      label: "Region",
      options: [
        { value: "north_america", label: "North America" },
        { value: "emea", label: "EMEA" },
        { value: "apac", label: "APAC" },
        { value: "latam", label: "LATAM" },
      ],
    },
    {
      key: "band",
      label: "Churn risk",
      options: [
        { value: "high", label: "High risk" },
        { value: "medium", label: "Medium risk" },
        { value: "low", label: "Low risk" },
      ],
    },
    {
      key: "status",
      label: "Status",
      options: [
        { value: "active", label: "Active" },
        { value: "dormant", label: "Dormant" },
        { value: "suspended", label: "Suspended" },
        { value: "churned", label: "Churned" },
      ],
    },
  ],
} as const satisfies TableSpec;

/** The values a filter of the customer list offers, e.g. the segments. */
export function customerListFilterValues(key: string): string[] {
  return customerTableSpec.filters.find((f) => f.key === key)?.options.map((o) => o.value) ?? [];
}
