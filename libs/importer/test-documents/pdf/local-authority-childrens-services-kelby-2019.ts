import { PdfSpec } from '../pdf-builder';

/**
 * ILACS full inspection, 2019: the list heading in full, bullets from the Symbol font (private
 * use U+F0B7), items with no full stop, a grade wrapped onto the next line of its cell, and a
 * footnote on a paragraph of the summary.
 */
const running = 'Inspection of Kelby local authority children’s services';

const paragraphs = (from: number, texts: string[]) => texts.map((para, index) => ({ number: from + index, para }));

export const document: PdfSpec = {
  header: running,
  footer: `${running} 4 to 15 March 2019`,
  blocks: [
    { title: running },
    { para: 'Inspection dates: 4 March 2019 to 15 March 2019' },
    { para: 'Lead inspector: Anjali Fairweather, Her Majesty’s Inspector' },
    {
      table: [
        ['Judgement', 'Grade'],
        ['The impact of leaders on social work practice with children and families', 'Good'],
        ['The experiences and progress of children who need help and protection', 'Requires improvement to be good'],
        ['The experiences and progress of children in care and care leavers', 'Outstanding'],
        ['Overall effectiveness', 'Good'],
      ],
      widths: [0.8, 0.2],
    },
    {
      para: 'Since the last inspection in 2014, when services were judged to be good, leaders have built on their strengths and kept a stable, skilled workforce.',
      footnote: 'The inspection of services for children in need of help and protection, children looked after and care leavers, May 2014.',
    },
    {
      para:
        'Children in care and care leavers receive exceptional support from social workers and personal advisers who are ambitious for ' +
        'them. Leaders listen to what young people say, and the service has changed because of it.',
    },
    {
      para:
        'Help for children who need protection is not yet consistently good. Most children are safe, but the response to neglect is ' +
        'slow for some, and the quality of plans varies between teams.',
    },
    { heading: 'What needs to improve in this local authority’s children’s services?' },
    { bullet: 'The timeliness and quality of the response to children who live with neglect', glyph: 'symbol' },
    { bullet: 'The quality of child protection plans, so that they say clearly what needs to change and by when', glyph: 'symbol' },
    {
      bullet:
        'The consistency of management oversight in the safeguarding teams, so that managers’ directions are followed and reviewed and so that delay for children is noticed and acted upon straight away',
      glyph: 'symbol',
    },
    { heading: 'The experiences and progress of children who need help and protection: requires improvement to be good' },
    ...paragraphs(1, [
      'Early help services are well established. Families are offered help from a range of services, and most say that it made a difference.',
      'Contacts are dealt with promptly by the front door, where social workers and partners share information quickly and apply thresholds well.',
      'Some children live with neglect for too long before the local authority acts. The use of the neglect toolkit is not consistent.',
      'Child protection plans are reviewed on time, but too many are a list of tasks for parents rather than a plan of what must change for the child.',
    ]),
    { heading: 'The experiences and progress of children in care and care leavers: outstanding' },
    ...paragraphs(5, [
      'Children come into care at the right time. Their permanence is planned from the start, and most live with families who will care for them as they grow up.',
      'Care leavers are supported exceptionally well. Nearly all live in suitable homes, and many are at university or in apprenticeships.',
      'The children in care council is influential. Its members interviewed the director, and their report on contact with brothers and sisters changed practice.',
      'Children’s health and education are well supported, and the virtual school is ambitious for every child.',
    ]),
    { heading: 'The impact of leaders on social work practice with children and families: good' },
    ...paragraphs(9, [
      'Leaders know the service well. They have a clear plan, agreed with partners, to improve the response to neglect.',
      'The workforce is stable. Social workers say that Kelby is a good place to work, and caseloads are manageable.',
      'Performance information is used well at every level, and managers are held to account for the quality of their teams’ work.',
      'Quality assurance is thorough. Audits are moderated and their findings lead to change.',
      'Elected members know the service well and challenge leaders about what it is like for children.',
      'Partners are committed to working with the local authority, and the safeguarding partnership has a shared plan to tackle neglect.',
    ]),
  ],
};
