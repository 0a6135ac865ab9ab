/** Who may change the governed registry: the matrix gives "registry.write" to admins only. */
export const REGISTRY_EDIT_PERMISSION = "registry.write" as const;
