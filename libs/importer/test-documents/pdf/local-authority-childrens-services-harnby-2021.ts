import { PdfSpec } from '../pdf-builder';

/**
 * ILACS full inspection, 2021: children in care and care leavers graded together, bullets from a
 * symbol font (private use U+F0A7), a list heading with no question mark, a bullet carried over a
 * page break past the running footer and header.
 */
const running = 'Inspection of Harnby local authority children’s services';

const paragraphs = (from: number, texts: string[]) => texts.map((para, index) => ({ number: from + index, para }));

export const document: PdfSpec = {
  header: running,
  footer: `${running} 14 to 25 June 2021`,
  blocks: [
    { title: running },
    { para: 'Inspection dates: 14 June to 25 June 2021' },
    { para: 'Lead inspector: Desmond Achterberg, Her Majesty’s Inspector' },
    {
      table: [
        ['Judgement', 'Grade'],
        ['The impact of leaders on social work practice with children and families', 'Inadequate'],
        ['The experiences and progress of children who need help and protection', 'Inadequate'],
        ['The experiences and progress of children in care and care leavers', 'Requires improvement to be good'],
        ['Overall effectiveness', 'Inadequate'],
      ],
      widths: [0.72, 0.28],
    },
    {
      para:
        'Services for children in Harnby have declined since the last inspection in 2017, when they were judged to be good. Leaders ' +
        'did not see how far practice had fallen, and the help given to children who need protection is too often late or not enough.',
    },
    {
      para:
        'The council has changed its senior leaders in the last six months. The new director has been open with inspectors about the ' +
        'weaknesses of the service, and has begun to act, but it is too soon to see the difference for children.',
    },
    {
      para:
        'Children in care fare better. Most live in stable homes and are visited often by social workers who know them, although ' +
        'their plans are not always up to date. Care leavers are helped to find homes, but too few are in education, training or work.',
    },
    {
      para:
        'The pandemic added to the pressure on a service that was already stretched. Social workers continued to visit children who ' +
        'were at risk, and partners kept meeting to share what they knew, but the backlog of assessments grew over the winter.',
    },
    {
      para:
        'Partners are committed to working with the council. Schools and health visitors make referrals when they are worried about ' +
        'children, although they do not always hear back about what happened next.',
    },
    {
      para: 'Disabled children are helped by a team that knows them well, and their short breaks have continued through the pandemic.',
    },
    { para: 'Children who go missing from home are offered a conversation when they return.' },
    { heading: 'What needs to improve' },
    {
      bullet:
        'The response to children at risk of significant harm, so that strategy meetings and child protection enquiries are held when they ' +
        'are needed, involve the right agencies and lead to plans that keep children safe.',
      glyph: 'wingdings',
    },
    { bullet: 'The quality and timeliness of assessments, and of plans that say what will change for the child and by when.', glyph: 'wingdings' },
    { bullet: 'The use of the public law outline for children whose circumstances do not improve.', glyph: 'wingdings' },
    { bullet: 'The help given to care leavers to find education, training or work.', glyph: 'wingdings' },
    {
      bullet:
        'Management oversight and supervision at every level, so that managers know what is happening for each child and act when ' +
        'plans are not making a difference, and senior leaders know the quality of the practice in every team in the service.',
      glyph: 'wingdings',
    },
    { heading: 'The experiences and progress of children who need help and protection: inadequate' },
    ...paragraphs(1, [
      'Too many children wait for a response when they are referred. Managers in the front door do not always decide quickly enough ' +
        'what should happen next, and some children who are at risk are not seen for several days.',
      'When strategy meetings are held, the police and health services usually attend, but meetings are not always held when they ' +
        'should be. Some children have been left at risk because enquiries were not started.',
      'Assessments vary in quality. The better ones bring together what is known about the family and listen to the child, but many ' +
        'are descriptive and do not say what the risks are or what should change.',
      'Children who are at risk from people outside their families are helped by a specialist team, whose work is of a good standard.',
    ]),
    { heading: 'The experiences and progress of children in care and care leavers: requires improvement to be good' },
    ...paragraphs(5, [
      'Most children come into care when they need to, but for some, decisions were delayed because the public law outline was not used.',
      'Children in care live in homes that meet their needs. They see their social workers often, and many have had the same worker for a long time.',
      'Care leavers are in touch with their personal advisers, who help them with money and housing. Fewer care leavers than in similar ' +
        'areas are in education, training or work.',
      'Independent reviewing officers know the children well, but they do not challenge delay often enough, and some reviews have ' +
        'been postponed more than once.',
      'Children’s health needs are assessed on time, and children in care are registered with a dentist. Their emotional health is ' +
        'supported by a therapeutic service, although some wait months for it.',
      'The virtual school tracks the progress of every child in care. Personal education plans are of a good standard, and children ' +
        'who were out of school during the pandemic were helped to return.',
      'Children who are adopted are matched with their families quickly. Support for adoptive families is available when they need it.',
    ]),
    { heading: 'The impact of leaders on social work practice with children and families: inadequate' },
    ...paragraphs(12, [
      'Until recently, leaders did not know how weak practice had become. Audits were not moderated and gave too positive a view.',
      'The new senior team has a plan to improve the service, agreed with partners and the council’s cabinet, and has added money to the budget.',
      'Social workers say that they feel supported by their managers, but supervision does not challenge drift in children’s plans.',
      'Caseloads are too high in the assessment teams. Leaders have recruited more social workers, but many are new to the work and ' +
        'need close support from managers who are themselves stretched.',
      'The council’s scrutiny committee has begun to ask harder questions about the service. Elected members now visit teams and ' +
        'read children’s records with managers.',
      'Leaders have not yet made sure that the voice of children shapes the service. The children in care council meets rarely, and ' +
        'care leavers told inspectors that they had not been asked about the support they receive.',
    ]),
  ],
};
