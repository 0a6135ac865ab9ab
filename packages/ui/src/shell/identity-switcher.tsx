import type { FormAction, LocalUser } from "./types.ts";

export type IdentitySwitcherProps = {
  users: readonly LocalUser[];
  currentId: string | null;
  /** Where the choice is posted: a route URL or a server action. */
  action: FormAction;
  /** Name of the form field carrying the chosen user id. */
  fieldName: string;
  /** Hidden fields to send along, e.g. the page to return to. */
  hidden?: Record<string, string>;
};

/** Local-only "act as" switcher: a plain form, so it works without client JavaScript. */
export function IdentitySwitcher({
  users,
  currentId,
  action,
  fieldName,
  hidden = {},
}: IdentitySwitcherProps) {
  const current = users.find((user) => user.id === currentId);
  return (
    // React supplies the method for a server action and warns if one is given.
    <form className="ab-identity" action={action} method={typeof action === "string" ? "post" : undefined}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <span className="ab-identity__avatar" aria-hidden="true">
        {initials(current?.displayName ?? "?")}
      </span>
      <label className="ab-identity__label">
        <span className="ab-sr-only">Act as (local identity)</span>
        <select className="ab-select ab-select--compact" name={fieldName} defaultValue={currentId ?? ""}>
          {currentId === null ? (
            <option value="" disabled>
              Choose a user…
            </option>
          ) : null}
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {`${user.displayName} — ${user.roles.join(", ") || "no roles"}`}
            </option>
          ))}
        </select>
      </label>
      <button className="ab-button ab-button--compact" type="submit">
        Switch
      </button>
    </form>
  );
}

/** Up to two initials for an avatar circle. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part?.[0]?.toUpperCase() ?? "").join("") || "?";
}
