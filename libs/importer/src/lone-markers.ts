import { readMarker } from './list-markers';
import { SourceLine } from './page-cleaner';

/**
 * A bullet glyph on a line of its own (drawn a little above or below its text, so the extractor
 * gave it a line) is moved onto the line of text it marks. Its own line becomes blank, so every
 * line keeps its number.
 */
export function joinLoneMarkers(lines: SourceLine[]): void {
  lines.forEach((line, index) => {
    if (line.blank || line.furniture || readMarker(`${line.trimmed} x`)?.value !== line.trimmed) return;
    if (line.trimmed.length > 2 || /^[-*o\u2013\u2014]$/.test(line.trimmed)) return;
    const next = lines.slice(index + 1).find((after) => !after.blank && !after.furniture);
    if (!next || readMarker(next.trimmed)) return;
    next.text = `${line.trimmed} ${next.trimmed}`;
    next.trimmed = next.text;
    Object.assign(line, { text: '', trimmed: '', blank: true });
  });
}
