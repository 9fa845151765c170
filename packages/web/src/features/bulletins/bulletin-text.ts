// A section's text is plain: paragraphs separated by a blank line (as the server stores it).
// The .docx (server features/bulletins/docx.ts) joins the lines inside a paragraph, so the
// preview does the same: a stray line break typed mid-sentence prints as nothing.

/** The paragraphs of a section's text as printed, blank ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim().replace(/\s*\n\s*/g, '')).filter(Boolean);
}
