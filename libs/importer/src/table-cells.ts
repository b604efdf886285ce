/**
 * Cells of a table row as extractors write them: separated by tabs, by pipes (Markdown-like
 * tables), or by runs of three or more spaces (layout-preserving extraction).
 */
export function splitCells(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.includes('\t')) return trimmed.split(/\t+/).map((cell) => cell.trim());
  if (trimmed.startsWith('|'))
    return trimmed
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
  return trimmed.split(/\s{3,}/).map((cell) => cell.trim());
}

/**
 * A row's cells in their columns: an empty cell keeps its place, so that a row whose left-hand
 * cell is empty ("\t<p>…</p>") is not read as a row with only a left-hand cell.
 */
export function rowCells(text: string): string[] {
  const line = text.replace(/^ +| +$/g, '');
  if (line.includes('\t')) return line.split('\t').map((cell) => cell.trim());
  return splitCells(line);
}
