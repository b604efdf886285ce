import { PdfSpec } from '../pdf-builder';

/**
 * Single inspection framework, 2017: one "Recommendations" list for the local authority and one
 * in the board's part ("The Local Safeguarding Children Board (LSCB)"), both in the contents; the
 * paragraphs numbered on after each list are findings of fact. Footnote on the cover's title.
 */
const running = 'Hollinsford inspection report 23 May 2017';

const numbered = (from: number, texts: string[]) => texts.map((para, index) => ({ number: from + index, para }));

export const document: PdfSpec = {
  footer: running,
  blocks: [
    { title: 'Hollinsford' },
    { para: 'Inspection of services for children in need of help and protection, children looked after and care leavers' },
    { para: 'and' },
    {
      para: 'Review of the effectiveness of the local safeguarding children board',
      footnote:
        'Ofsted produces this report of the inspection of local authority functions and the review of the local safeguarding children board under its power to combine reports.',
    },
    { para: 'Inspection dates: 6 March 2017 to 30 March 2017' },
    { para: 'Lead inspector: Anwen Treharne' },
    { para: 'Published: 23 May 2017' },
    {
      table: [
        ['Children’s services in Hollinsford are good', ''],
        ['1. Children who need help and protection', 'Good'],
        ['2. Children looked after and achieving permanence', 'Good'],
        ['2.1 Adoption performance', 'Outstanding'],
        ['2.2 Experiences and progress of care leavers', 'Requires improvement to be good'],
        ['3. Leadership, management and governance', 'Good'],
      ],
    },
    { para: 'The local safeguarding children board is good.' },
    { pageBreak: true },
    {
      table: [
        ['Contents', ''],
        ['The local authority', '3'],
        ['Executive summary', '3'],
        ['Recommendations', '5'],
        ['Summary for children and young people', '6'],
        ['Information about this local authority area', '7'],
        ['The experiences and progress of children who need help and protection', '9'],
        ['Leadership, management and governance', '16'],
        ['The Local Safeguarding Children Board (LSCB)', '19'],
        ['Executive summary', '19'],
        ['Recommendations', '19'],
        ['Inspection judgement about the LSCB', '20'],
        ['Information about this inspection', '23'],
      ],
      widths: [0.9, 0.1],
    },
    { pageBreak: true },
    { heading: 'The local authority' },
    { heading: 'Executive summary' },
    {
      para:
        'Children in Hollinsford receive good help when they need it. Leaders have built a stable workforce and caseloads are manageable. ' +
        'Most children looked after live in homes that meet their needs, and adoption is outstanding.',
    },
    {
      para:
        'Care leavers are not yet as well supported as other children. Too few are in education, employment or training, and pathway ' +
        'plans are not always written with them.',
    },
    {
      para:
        'The front door is effective. Contacts are screened quickly by experienced social workers, and partner agencies understand when ' +
        'to refer. Strategy discussions are held promptly and include the police and health professionals. Children at risk of harm are ' +
        'seen quickly and their needs are assessed thoroughly, although some plans for children in need lack clear timescales.',
    },
    {
      para:
        'Children who go missing from home or care are not always offered a return home interview, and the information gathered from ' +
        'those interviews that do take place is not used well enough to understand the risks that children face, or to plan how to ' +
        'reduce them. Leaders have recognised this and have commissioned a new service, which started shortly before the inspection.',
    },
    {
      para:
        'Social workers in the disabled children’s team know the children they work with well, but the views of children who do not use ' +
        'speech are not always recorded. Senior leaders and elected members are ambitious for children, and the corporate parenting ' +
        'board holds services to account. The council has invested in the workforce, and the proportion of agency social workers is low.',
    },
    {
      para:
        'Leaders know the service well. Performance information is accurate and is used by managers at every level, and the quality ' +
        'assurance framework is well established. Audits are moderated, and their findings lead to changes in practice.',
    },
    {
      para:
        'Most children looked after live with foster carers who meet their needs, and they make good progress at school. The virtual ' +
        'school tracks their attendance and attainment closely. Adoption is outstanding: children are matched with adopters quickly, ' +
        'and adoptive families value the support they receive after the adoption order. Care leavers keep in touch with their personal ' +
        'advisers, but too few are in education, employment or training, and some live in accommodation that does not meet their needs.',
    },
    { heading: 'Recommendations' },
    ...numbered(1, [
      'Improve the quality of pathway plans, so that they are written with care leavers and say how each young person will be helped into education, employment or training.',
      'Ensure that return home interviews are offered to every child who goes missing, and that the information from them is used to reduce risk.',
      'Hollinsford Police and the local authority should ensure that children who are kept in police custody overnight are offered accommodation by the local authority.',
      'Make sure that plans for children in need say what must change and by when.',
      'Increase the number of care leavers who are in suitable accommodation and receive help to live on their own.',
      'Ensure that the views of children who are disabled are recorded in their assessments and plans, using the communication methods that suit each child.',
    ]),
    { heading: 'Summary for children and young people' },
    { bullet: 'Social workers visit you often and know you well.', glyph: 'symbol' },
    { bullet: 'If you are adopted, your new family will be found quickly.', glyph: 'symbol' },
    { heading: 'Information about this local authority area' },
    { heading: 'Previous inspection' },
    { bullet: 'The last inspection of safeguarding, in 2012, judged the service to be good.', glyph: 'symbol' },
    { heading: 'The experiences and progress of children who need help and protection' },
    { para: 'Good' },
    { heading: 'Summary' },
    { para: 'Children and families who need help receive it quickly.' },
    { heading: 'Inspection findings' },
    ...numbered(7, [
      'Early help is well established, and partner agencies lead most early help assessments.',
      'Referrals to children’s social care are dealt with promptly by experienced managers.',
    ]),
    { heading: 'Leadership, management and governance' },
    { para: 'Good' },
    ...numbered(9, ['The director of children’s services and the lead member have a shared understanding of the strengths and weaknesses of the service.']),
    { pageBreak: true },
    { heading: 'The Local Safeguarding Children Board (LSCB)' },
    { para: 'The local safeguarding children board is good' },
    { heading: 'Executive summary' },
    {
      para:
        'The Hollinsford Safeguarding Children Board (HSCB) is well led by an experienced independent chair. Partners attend regularly ' +
        'and challenge each other.',
    },
    { heading: 'Recommendations' },
    ...numbered(10, [
      'Extend the board’s scrutiny of early help so that it covers the services run by partner agencies as well as those of the local authority.',
      'Ensure that the board’s multi-agency audits include children who are privately fostered.',
      'The LSCB should evaluate the impact of its training on the practice of staff in schools.',
      'Make sure that learning from serious case reviews reaches practitioners in adult mental health services.',
      'Develop the board’s website so that children and families can find information easily.',
    ]),
    { heading: 'Inspection judgement about the LSCB' },
    ...numbered(15, [
      'The board has a clear and well-understood governance structure. Its business plan is focused on the right priorities.',
      'The board’s annual report gives a thorough account of the effectiveness of local services.',
    ]),
    { heading: 'Information about this inspection' },
    {
      para:
        'Inspectors have looked closely at the experiences and progress of children and young people who need help and protection, ' +
        'children looked after and care leavers.',
    },
  ],
};
