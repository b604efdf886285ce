import { PdfSpec } from '../pdf-builder';

/**
 * Single inspection framework, 2014: "Priority and immediate action" and "Areas for improvement"
 * for the local authority and for the board, each list followed in the same numbering by findings
 * of fact ("The local authority's strengths", "Inspection judgement about the LSCB"); the cover's
 * title joined by "And" on a line of its own; a running header and footer.
 */
const running = 'Coldwater: inspection of services for children and review of the LSCB';

const numbered = (from: number, texts: string[]) => texts.map((para, index) => ({ number: from + index, para }));

export const document: PdfSpec = {
  header: running,
  footer: 'Ofsted: report published 14 January 2015',
  blocks: [
    { title: 'Coldwater' },
    { para: 'Inspection of services for children in need of help and protection, children looked after and care leavers' },
    { para: 'And' },
    {
      para: 'Review of the effectiveness of the local safeguarding children board',
      footnote:
        'Ofsted produces this report of the inspection of local authority functions and the review of the local safeguarding children board under its power to combine reports.',
    },
    { para: 'Inspection date: 3 November 2014 – 26 November 2014' },
    { para: 'Report published: 14 January 2015' },
    {
      table: [
        ['Children’s services in Coldwater are inadequate', ''],
        ['1. Children who need help and protection', 'Inadequate'],
        ['2. Children looked after and achieving permanence', 'Requires improvement'],
        ['2.1 Adoption performance', 'Requires improvement'],
        ['2.2 Experiences and progress of care leavers', 'Requires improvement'],
        ['3. Leadership, management and governance', 'Inadequate'],
      ],
    },
    { para: 'The local safeguarding children board is inadequate.' },
    { pageBreak: true },
    {
      table: [
        ['Contents', ''],
        ['Summary of key findings', '2'],
        ['What does the local authority need to improve?', '3'],
        ['Summary for children and young people', '5'],
        ['Information about this local authority area', '6'],
        ['The experiences and progress of children who need help and protection', '7'],
        ['Leadership, management and governance', '9'],
        ['Review of the effectiveness of the local safeguarding children board', '11'],
        ['Information about this inspection', '13'],
      ],
      widths: [0.9, 0.1],
    },
    { pageBreak: true },
    { heading: 'Summary of key findings' },
    {
      para:
        'Children’s services in Coldwater are inadequate because too many children at risk of harm wait too long for help, and leaders ' +
        'did not know how weak front-line practice had become. The council has appointed a new director, who has started to put things ' +
        'right, but changes are recent and their effect is not yet seen in the experiences of children.',
    },
    {
      para:
        'Caseloads in the assessment teams are too high, and a quarter of social workers are employed through agencies. Managers ' +
        'do not check the quality of work closely enough, and some children’s cases have been closed before their needs were met.',
    },
    {
      para:
        'Children looked after are mostly well cared for, and adoption performance has improved. Care leavers keep in touch with ' +
        'their personal advisers, but their pathway plans are not specific enough about what help they will receive.',
    },
    { heading: 'What does the local authority need to improve?' },
    { heading: 'Priority and immediate action' },
    ...numbered(1, [
      'Make sure that every referral where a child may be at risk of significant harm leads to a strategy discussion on the same working day, and that the police and health professionals take part.',
      'Reduce the number of children’s cases that are not allocated to a qualified social worker, and make sure that no child waits more than five working days for allocation.',
    ]),
    { heading: 'Areas for improvement' },
    ...numbered(3, [
      'Ensure that assessments consider the history of each family and the views of the child, and that managers check their quality before they are signed off.',
      'Improve the timeliness of initial child protection conferences so that they are held within 15 working days of the strategy discussion.',
      'Coldwater Clinical Commissioning Group and the local authority should ensure that looked after children placed more than 20 miles from Coldwater have their health assessments on time.',
      'Develop a sufficiency strategy that increases the number of local foster carers, including carers for brothers and sisters and for older children.',
      'Improve the quality of pathway plans so that they set out what each care leaver needs, by when, and who will help them.',
    ]),
    { heading: 'The local authority’s strengths' },
    ...numbered(8, [
      'The new director of children’s services has an accurate view of the weaknesses in practice and has acted quickly to increase the number of permanent social workers.',
      'Children who are adopted find families quickly, and adoption support is valued by families.',
      'Elected members and senior leaders have protected the budget for children’s services.',
    ]),
    { heading: 'Summary for children and young people' },
    { bullet: 'When children need protecting, social workers do not always act quickly enough.', glyph: 'dot' },
    { bullet: 'Most children who are looked after live with families who care for them well.', glyph: 'dot' },
    { heading: 'The experiences and progress of children who need help and protection' },
    { para: 'Inadequate' },
    ...numbered(11, [
      'Early help services are not well coordinated and too many families are referred several times before they receive a service.',
      'Thresholds for social care are not well understood by partner agencies.',
    ]),
    { pageBreak: true },
    { heading: 'Review of the effectiveness of the local safeguarding children board' },
    { heading: 'Executive summary' },
    {
      para:
        'The Coldwater Safeguarding Children Board (CSCB) has not yet made sure that partner agencies work well together to protect ' +
        'children. Its annual report gives too little attention to the quality of practice.',
    },
    { heading: 'What does the LSCB need to improve?' },
    { heading: 'Priority and immediate action' },
    ...numbered(14, [
      'Ensure that the board receives reliable multi-agency information about the children who are at risk of harm, and uses it to challenge partners.',
    ]),
    { heading: 'Areas for improvement' },
    ...numbered(15, [
      'Evaluate the effect of multi-agency training on the practice of front-line staff.',
      'Make sure that lessons from serious case reviews are shared with staff in every agency.',
    ]),
    { heading: 'Inspection judgement about the LSCB' },
    ...numbered(17, [
      'The board’s chair has been in post for only four months and the board has not yet agreed its priorities with partners.',
      'Attendance by health partners at board meetings is poor.',
    ]),
    { heading: 'Information about this inspection' },
    {
      para:
        'Inspectors have looked closely at the experiences and progress of children and young people who need help and protection, ' +
        'children looked after and care leavers.',
    },
  ],
};
