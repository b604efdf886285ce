import { PdfSpec } from '../pdf-builder';

/**
 * A focused visit letter of the current framework, 2022: Ofsted's address and the date at the
 * top, an area for priority action written as prose, areas for improvement as "◼" bullets under
 * an introductory sentence, then the main findings and the sign-off.
 */
export const document: PdfSpec = {
  footer: 'Focused visit to Ashcombe children’s services',
  blocks: [
    { para: 'Ofsted' },
    { para: 'Clive House' },
    { para: '70 Petty France' },
    { para: 'London SW1H 9EX' },
    { para: '17 March 2022' },
    { para: 'Ruth Okonjo-Barnes' },
    { para: 'Director of Children’s Services' },
    { para: 'Ashcombe Council' },
    { para: 'Dear Ms Okonjo-Barnes' },
    { heading: 'Focused visit to Ashcombe children’s services' },
    {
      para:
        'This letter summarises the findings of the focused visit to Ashcombe children’s services on 8 and 9 February 2022. ' +
        'His Majesty’s Inspectors for this visit were Lorna Petrakis and Ibrahim Wendover.',
    },
    {
      para:
        'Inspectors looked at the local authority’s arrangements for children in need and children who are subject to a child protection plan. ' +
        'This visit was carried out under the inspection of local authority children’s services framework.',
    },
    { heading: 'Headline findings' },
    {
      para:
        'Since the last inspection, the quality of help for children in need has declined. Leaders have not kept a close enough watch ' +
        'on the work of the safeguarding teams, and some children have been left in situations of harm for too long.',
    },
    { heading: 'Areas for priority action' },
    {
      para:
        'Leaders must make sure that, when children are at risk of significant harm, strategy meetings are held without delay and that the ' +
        'plans made at them are carried out and checked by managers.',
    },
    { heading: 'Areas for improvement' },
    { para: 'Inspectors identified the following areas for improvement:' },
    { bullet: 'The quality of assessments and plans for children in need, so that they say what needs to change for each child.' },
    { bullet: 'The frequency and quality of supervision for social workers in the safeguarding teams.' },
    {
      bullet:
        'The stability of the workforce, so that children do not have to tell their story to a new social worker again and again, and ' +
        'so that families can build a relationship with the person who is helping them.',
    },
    { heading: 'Main findings' },
    {
      para:
        'Most children in need are visited regularly, and social workers know them well. However, plans are often vague, and it is not ' +
        'clear to families what is expected of them or what will happen if things do not change.',
    },
    {
      para:
        'Some children subject to a child protection plan have remained at risk because strategy meetings were not held when concerns ' +
        'escalated. Managers did not always notice, and when they did, their directions were not followed up.',
    },
    {
      para:
        'Social workers told inspectors that they feel supported by their colleagues, but many have high caseloads and have had several ' +
        'managers in the last year.',
    },
    { para: 'Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.' },
    { para: 'Yours sincerely' },
    { para: 'Lorna Petrakis' },
    { para: 'His Majesty’s Inspector' },
  ],
};
