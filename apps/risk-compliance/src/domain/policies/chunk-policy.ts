/** One retrievable passage of a policy: a section, or part of a long one. */
export interface PolicyChunk {
  ordinal: number;
  section: string;
  content: string;
}

const MAX_CHARS = 1200;

/**
 * Splits a policy body into sections ("Heading. text", paragraphs separated by blank lines), and a
 * section longer than MAX_CHARS into runs of whole sentences, so a citation names a real section.
 */
export function chunkPolicy(body: string): PolicyChunk[] {
  const chunks: PolicyChunk[] = [];
  for (const paragraph of body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Z][A-Za-z &-]{1,40})\.\s+([\s\S]*)$/.exec(paragraph);
    const section = match ? match[1]! : "Text";
    const text = match ? match[2]! : paragraph;
    const sentences = text.match(/[^.!?]+[.!?]+(\s+|$)|[^.!?]+$/g) ?? [text];
    let current = "";
    for (const sentence of sentences) {
      if (current && current.length + sentence.length > MAX_CHARS) {
        chunks.push({ ordinal: chunks.length, section, content: current.trim() });
        current = "";
      }
      current += sentence;
    }
    if (current.trim()) chunks.push({ ordinal: chunks.length, section, content: current.trim() });
  }
  return chunks;
}
