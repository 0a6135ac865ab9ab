/** Compliance policy areas and the topics each one covers; titles are `<area>: <topic>`. */
export const policyAreas = [
  {
    category: "aml",
    area: "Anti-Money Laundering",
    owner: "Financial Crime Compliance",
    topics: [
      "Transaction Monitoring Thresholds",
      "Structuring and Smurfing Indicators",
      "Suspicious Activity Reporting",
      "Cash-Intensive Businesses",
      "Correspondent Banking",
      "Trade-Based Money Laundering",
      "Rapid Movement of Funds",
    ],
  },
  {
    category: "kyc",
    area: "Customer Due Diligence",
    owner: "KYC Operations",
    topics: [
      "Identity Verification",
      "Enhanced Due Diligence for High-Risk Jurisdictions",
      "Beneficial Ownership",
      "Periodic KYC Refresh",
      "Non-Face-to-Face Onboarding",
      "Politically Exposed Persons",
    ],
  },
  {
    category: "sanctions",
    area: "Sanctions Compliance",
    owner: "Sanctions Office",
    topics: [
      "List Screening",
      "Potential Match Resolution",
      "Sectoral Sanctions",
      "Payment Filtering",
      "Export Controls and Dual-Use Goods",
    ],
  },
  {
    category: "fraud",
    area: "Fraud Prevention",
    owner: "Fraud Risk Management",
    topics: [
      "Card-Not-Present Fraud",
      "Account Takeover",
      "First-Party Fraud",
      "Merchant Monitoring",
      "Authorised Push Payment Scams",
    ],
  },
  {
    category: "privacy",
    area: "Data Protection",
    owner: "Privacy Office",
    topics: [
      "Consent Management",
      "Data Subject Access Requests",
      "Retention and Deletion",
      "Profiling and Automated Decisions",
      "Cross-Border Transfers",
      "Pseudonymisation of Analytics Data",
    ],
  },
  {
    category: "conduct",
    area: "Conduct and Ethics",
    owner: "Compliance Advisory",
    topics: [
      "Conflicts of Interest",
      "Gifts and Hospitality",
      "Whistleblowing",
      "Personal Account Dealing",
      "Complaints Handling",
    ],
  },
  {
    category: "model_risk",
    area: "Model Risk Management",
    owner: "Model Validation",
    topics: [
      "Model Inventory",
      "Validation Before Use",
      "Monitoring of Risk Scores",
      "AI Agent Oversight",
      "Champion-Challenger Changes",
    ],
  },
  {
    category: "operational",
    area: "Operational Resilience",
    owner: "Operational Risk",
    topics: [
      "Incident Management",
      "Third-Party Risk",
      "Business Continuity",
      "Record Keeping",
      "Access Reviews",
    ],
  },
] as const;

export const roles = [
  "the relationship manager",
  "the first-line analyst",
  "the Money Laundering Reporting Officer",
  "the compliance officer on duty",
  "the case owner",
  "the Data Protection Officer",
  "the model owner",
  "the head of the business unit",
  "a second-line reviewer",
] as const;

export const systems = [
  "the case management system",
  "the transaction monitoring platform",
  "the screening engine",
  "the governed evidence store",
  "the customer master record",
  "the model registry",
  "the audit log",
] as const;

export const evidenceKinds = [
  "source-of-funds documentation",
  "a certified copy of the identity document",
  "the ownership structure chart",
  "bank statements for the review period",
  "the screening match details",
  "the analyst's written rationale",
  "approval records",
] as const;
