// Stands in for `tsx` in the Next bundle. @appbase/db's root export includes the code that starts the
// local Lakebase as a tsx child process; the kit only connects to it (the orchestrator starts it), and
// Turbopack cannot bundle tsx's loader.
export {};
