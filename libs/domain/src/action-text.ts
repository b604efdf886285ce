/**
 * An action's whole text. A plan made from a report titles each action with its finding's first words, cut
 * with "…"; the full text is then its description, as the finding was written (capitalised, spaces folded).
 */
export function fullActionText(action: { title: string; description: string }): string {
  if (!action.title.endsWith('…')) return action.title;
  const description = action.description.replace(/\s+/g, ' ').trim();
  const whole = description.charAt(0).toUpperCase() + description.slice(1);
  return whole.startsWith(action.title.slice(0, -1)) ? whole : action.title;
}
