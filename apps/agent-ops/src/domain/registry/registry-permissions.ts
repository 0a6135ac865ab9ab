// The agent-ops grant matrix has no registry permission yet. Everyone who may read runs may read the
// registry; editing needs the one permission only the admin role holds. When @appbase/grants adds
// "registry.write" (admin only), this line is the one to change.
/** Who may change the governed registry: admins. */
export const REGISTRY_EDIT_PERMISSION = "review.reassign" as const;
