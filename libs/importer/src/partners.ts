import { escapeRegExp } from './text';

/**
 * Partner organisations a finding is addressed to: a sub-heading such as
 * "NHS Westmarsh, Westmarsh Council and Riverside Health should:" over some bullets, or the
 * start of a bullet itself ("The police and health partners should ensure ...").
 */

const HEADING = /^([A-Z][^.;]{2,300}?)\s+should(?:\s+[a-z][a-z ,]{0,60})?\s*:$/;
const INLINE = /^([A-Z][^.;:]{1,250}?)\s+(?:should|must)\s+(?!:)\S/;
const ORGANISATION_WORD =
  /\b(?:nhs|council|trust|board|police|constabulary|health|healthcare|clinical|commissioning|ccg|icb|partnership|authority|authorities|foundation|hospital|services?|agency|agencies|schools?|college|probation|cafcass|group|partners|ltd|limited)\b/i;
/** In running text only a capitalised name counts: "Westmarsh Police", not "care leavers". */
const ORGANISATION_NAME =
  /\s(?:NHS|Council|Trust|Board|Police|Constabulary|Health|Healthcare|CCG|ICB|Partnership|Authority|Foundation|Hospital|Service|Services|Agency|College|Probation|Group|Ltd|Limited)\b|\b[A-Z]{2,}\b/;
const SELF = /^(?:the\s+)?(?:local\s+)?(?:authority|council|partnership|area partnership)(?:\s+and\s+(?:its\s+|their\s+)?partners)?$/i;

export function isPartnerHeading(text: string): boolean {
  return partnerFromHeading(text) !== null;
}

/** The organisations named by a "… should:" sub-heading, or null when the line is not one. */
export function partnerFromHeading(text: string): string | null {
  const match = HEADING.exec(text);
  return match && ORGANISATION_WORD.test(match[1]) ? match[1].trim() : null;
}

/** The organisations a finding's own text starts by naming, or null. */
export function partnerInline(text: string): string | null {
  const match = INLINE.exec(text);
  return match && ORGANISATION_NAME.test(match[1]) ? match[1].trim() : null;
}

/**
 * An owner that is just the authority itself ("the local authority", "Westmarsh Council") is
 * no partner: the finding is the authority's own.
 */
export function ownerOrNull(owner: string | null, authority: string | null): string | null {
  if (!owner || SELF.test(owner)) return null;
  if (authority && isSameBody(owner, authority)) return null;
  return owner;
}

function isSameBody(owner: string, authority: string): boolean {
  const bare = authority.replace(/\s+(?:council|borough council|county council|city council)$/i, '');
  const pattern = new RegExp(`^(?:the\\s+)?${escapeRegExp(bare).replace(/\s+/g, '\\s+')}(?:\\s+(?:borough\\s+|county\\s+|city\\s+)?council)?$`, 'i');
  return pattern.test(owner);
}
