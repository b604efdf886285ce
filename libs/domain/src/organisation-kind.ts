/** What kind of body an organisation is: the council itself or one of its partners. */
export const ORGANISATION_KINDS = ['council', 'nhs', 'police', 'education', 'voluntary', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
