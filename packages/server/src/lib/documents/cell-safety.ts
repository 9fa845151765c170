// Spreadsheet export (SECURITY.md row 16): text that a spreadsheet program would take for a
// formula — starting with = + - @, or with a tab or carriage return that some of them skip
// before looking — gets a leading single quote, so it is shown as the text it is and never
// evaluated ("=HYPERLINK(…)", "@SUM(…)", "-2+3+cmd|…" in a name or remark typed by a user).
// Only strings are touched: numbers are written as numbers, so "-5" as a number stays -5.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
