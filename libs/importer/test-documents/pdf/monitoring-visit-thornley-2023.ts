import { PdfSpec } from '../pdf-builder';

/**
 * A monitoring visit letter of the current framework, 2023, to an authority judged inadequate:
 * the areas for improvement written as paragraphs of prose, one carried over a page break past
 * the running footer and header; no judgements.
 */
const findings = [
  'The quality of assessments for children who are privately fostered, which do not yet take account of the history of the child or of ' +
    'the adults they live with, and so do not show whether the arrangement is safe and meets the child’s needs.',
  'The oversight of children’s plans by independent reviewing officers, who do not yet challenge delay, so that children’s plans are ' +
    'reviewed and changed when they are not working.',
];

const progress = [
  'Leaders have made steady progress since the last monitoring visit. The director and the lead member have a clear understanding of the ' +
    'service, and the improvement board holds them to account well.',
  'Children referred to the front door now receive a prompt response. Managers review every contact within a day, and the reasons for ' +
    'their decisions are recorded clearly.',
  'The workforce is more stable. Fewer agency staff are employed than at the time of the inspection, and caseloads are now manageable ' +
    'in most teams. Social workers spoke positively to inspectors about the training they have received.',
  'Most children in care have an up-to-date plan, and their reviews are held on time. Children’s views are recorded in their plans, ' +
    'and many children attend their reviews.',
  'The quality assurance framework is well established. Audits are moderated, and leaders use them to understand the quality of practice.',
  'Partners say that they have seen a difference in the way the local authority works with them, and information is shared more quickly.',
];

const further = [
  'Children who are privately fostered are now identified more often, because the local authority has raised awareness with schools ' +
    'and health services. Visits to these children are timely, but the assessments that follow are too brief.',
  'Independent reviewing officers know the children they work with, and most have manageable caseloads. Their records of reviews are ' +
    'clear, but they rarely escalate concerns when a child’s plan is not progressing.',
  'Leaders have been open with inspectors about the areas that still need to improve, and they have plans to address them.',
  'Children in care who spoke to inspectors said that they knew who their social worker was and how to contact them.',
];

const inCare = [
  'Most children in care live in stable homes that meet their needs. When children have to move, the reasons are recorded and their ' +
    'views are sought, although some older children have moved several times in the last year.',
  'Social workers visit children in care regularly and see them alone. Records of visits describe what children said and how they ' +
    'appeared, and the better records are written to the child.',
  'Life-story work has improved since the last visit. A dedicated worker now supports social workers to help children understand ' +
    'their histories, and children’s records show that this work is under way for most of them.',
  'Children’s health assessments are mostly completed on time, and the designated nurse follows up when they are late. Emotional ' +
    'well-being is assessed, and children who need help are referred to the therapeutic service.',
  'The virtual school knows each child in care well. Attendance has improved, and fewer children have been excluded from school.',
  'Brothers and sisters who cannot live together are helped to keep in touch, and their wishes are recorded in their plans.',
];

export const document: PdfSpec = {
  header: 'Monitoring visit to Thornley children’s services',
  footer: 'Thornley monitoring visit, May 2023',
  blocks: [
    { para: 'Ofsted' },
    { para: 'Piccadilly Gate' },
    { para: 'Store Street' },
    { para: 'Manchester M1 2WD' },
    { para: '12 June 2023' },
    { para: 'Gareth Lindqvist' },
    { para: 'Director of Children’s Services' },
    { para: 'Thornley Metropolitan Borough Council' },
    { para: 'Dear Mr Lindqvist' },
    { heading: 'Monitoring visit to Thornley children’s services' },
    {
      para:
        'This letter summarises the findings of the monitoring visit to Thornley children’s services on 23 and 24 May 2023. This was the ' +
        'fourth monitoring visit since the local authority was judged inadequate in March 2022. His Majesty’s Inspectors for this visit ' +
        'were Sunita Greaves and Patrick Oduya.',
    },
    { heading: 'Areas covered by the visit' },
    {
      para:
        'Inspectors reviewed the progress made for children in care, including children who are privately fostered and children whose ' +
        'plans are reviewed by independent reviewing officers.',
    },
    { heading: 'Headline findings' },
    ...progress.map((para) => ({ para })),
    { heading: 'Areas for improvement' },
    ...findings.map((para) => ({ para })),
    { heading: 'Findings and evaluation of progress' },
    ...progress.slice(1).map((para) => ({ para })),
    ...further.map((para) => ({ para })),
    { heading: 'Children in care' },
    ...inCare.map((para) => ({ para })),
    { para: 'Ofsted will take the findings from this monitoring visit into account when planning your next inspection or visit.' },
    { para: 'Yours sincerely' },
    { para: 'Sunita Greaves' },
    { para: 'His Majesty’s Inspector' },
  ],
};
