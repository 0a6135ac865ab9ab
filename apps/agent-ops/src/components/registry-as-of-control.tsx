import Link from "next/link";

/** The "as of" control: a GET form, so the chosen time lives in the URL and can be shared. */
export function RegistryAsOfControl({ value, error }: { value?: string; error?: string }) {
  return (
    <form className="ao-row" method="get" action="/registry" aria-label="Registry as of">
      <label className="ao-stack">
        <span>As of (UTC)</span>
        <input
          className="ab-input"
          type="datetime-local"
          step="0.001"
          name="asOf"
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          required
        />
      </label>
      <button className="ab-button ab-button--secondary" type="submit">
        Show registry at this time
      </button>
      {value ? (
        <Link className="ab-button ab-button--ghost" href="/registry">
          Back to the current registry
        </Link>
      ) : null}
      {error ? (
        <p role="alert" className="ao-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
