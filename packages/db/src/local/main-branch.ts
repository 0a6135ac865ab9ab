/** The local Lakebase's root branch (Lakebase on Databricks calls its root `production`). */
export const LOCAL_MAIN_BRANCH = "main";
