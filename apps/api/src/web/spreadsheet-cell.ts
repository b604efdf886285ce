/**
 * OWASP's rule against CSV (formula) injection: text a spreadsheet could take for a formula (starting with
 * = + - @, a tab or a carriage return) is written with a leading apostrophe, so it is shown, never run.
 * Every cell of text we export, in XLSX or CSV, goes through here.
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
