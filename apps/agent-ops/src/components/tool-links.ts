/** The anchor of a tool call on the thread page; ids may hold characters an anchor cannot. */
export function toolCallAnchor(toolCallId: string): string {
  return `call-${toolCallId.replace(/[^\w-]/g, "_")}`;
}

/** Where a recorded tool call is on its thread's timeline: the step that ran it, highlighted. */
export function toolCallHref(call: { threadId: string; toolCallId: string }): string {
  const query = new URLSearchParams({ call: call.toolCallId });
  return `/threads/${encodeURIComponent(call.threadId)}?${query.toString()}#${toolCallAnchor(call.toolCallId)}`;
}
