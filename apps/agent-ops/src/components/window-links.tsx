import { TOOL_WINDOWS, type ToolWindow, WINDOW_LABEL } from "../domain/tool-calls/tool-window.ts";

/** The time-window choices of a figures page, each a link (`href` builds it), the current one marked. */
export function WindowLinks(props: { current: ToolWindow; href: (window: ToolWindow) => string }) {
  return (
    <nav className="ao-window-links" aria-label="Time window">
      {TOOL_WINDOWS.map((w) => (
        <a
          key={w}
          href={props.href(w)}
          className={`ab-button ab-button--compact ${w === props.current ? "ab-button--primary" : "ab-button--ghost"}`}
          aria-current={w === props.current ? "page" : undefined}
        >
          {WINDOW_LABEL[w]}
        </a>
      ))}
    </nav>
  );
}
