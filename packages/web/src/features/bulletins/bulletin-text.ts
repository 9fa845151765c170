// A section's text is plain: paragraphs separated by a blank line (as the server stores it and
// the .docx prints it). A single line break inside a paragraph is kept as typed.

/** The paragraphs of a section's text, blank ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text.split(/\n[ \t\u3000]*\n/).map((p) => p.trim()).filter(Boolean);
}
