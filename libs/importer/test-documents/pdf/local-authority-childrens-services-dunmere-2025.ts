import { PdfSpec } from '../pdf-builder';

/** ILACS full inspection, 2025: care leavers graded apart, "◼" bullets, a footnote on the list heading. */
const running = 'Inspection of Dunmere local authority children’s services';

export const document: PdfSpec = {
  header: running,
  footer: `${running}  20 to 31 January 2025`,
  blocks: [
    { title: running },
    { para: 'Inspection dates: 20 to 31 January 2025' },
    { para: 'Lead inspector: Morwenna Tallis, His Majesty’s Inspector' },
    {
      table: [
        ['Judgement', 'Grade'],
        ['The impact of leaders on social work practice with children and families', 'Requires improvement to be good'],
        ['The experiences and progress of children who need help and protection', 'Requires improvement to be good'],
        ['The experiences and progress of children in care', 'Good'],
        ['The experiences and progress of care leavers', 'Requires improvement to be good'],
        ['Overall effectiveness', 'Requires improvement to be good'],
      ],
    },
    {
      para:
        'Since the last inspection in 2021, when services were judged to be good, the pace of change has slowed. ' +
        'A new director arrived in the spring of 2024 and has an accurate picture of where practice needs to improve, ' +
        'but several of the areas identified then still need to improve, and what needs to improve for care leavers is now more pressing.',
    },
    {
      para:
        'Children in care are mostly well supported by social workers who know them well. Leaders have invested in ' +
        'a stable workforce, and caseloads have come down over the last year.',
    },
    {
      para:
        'Leaders have a clear plan for the service. They have listened to children and young people, and the participation council ' +
        'has shaped the new offer for care leavers. Partners speak well of the leadership team and of the way it works with them.',
    },
    {
      para:
        'The front door is busy. Most contacts are dealt with promptly, but managers do not always record why a decision was made, ' +
        'and the thresholds for a strategy meeting are not applied in the same way by every team. Some children wait for help as a result.',
    },
    {
      para:
        'Care leavers have mixed experiences. Those who live close to Dunmere see their personal advisers often and are helped into ' +
        'education, training or work. Those who live further away, or who are in custody, do not get the same help.',
    },
    {
      heading: 'What needs to improve?',
      footnote: 'Cross-references in brackets are to the outcomes and enablers of the national framework for children’s social care.',
    },
    {
      bullet:
        'The timeliness of strategy meetings when children may be at risk of significant harm, and the recording of the reasons for decisions made in them. (Outcome 3)',
    },
    { bullet: 'Management oversight of the work of the front door, so that thresholds are applied consistently and children do not wait. (Enabler 3)' },
    {
      bullet:
        'The quality of pathway plans for care leavers, so that each young person knows what help they are entitled to and plans are written with them, ' +
        'reviewed when their circumstances change and shared with the people who support them. (Outcome 4)',
    },
    { bullet: 'The sufficiency of homes for older children in care close to their families and schools.' },
    { bullet: 'Support for care leavers in custody and those living out of the area. (Outcome 4)' },
    { heading: 'The experiences and progress of children who need help and protection: requires improvement to be good' },
    {
      number: 1,
      para:
        'When families first need help, most are offered it quickly. Early help workers build trusting relationships with parents, ' +
        'and the help they give makes a difference to children’s lives.',
    },
    {
      number: 2,
      para:
        'The multi-agency safeguarding hub improves the timeliness of decisions about contacts. However, thresholds are not always applied ' +
        'consistently, and some children wait too long for a decision about what help they need.',
    },
    {
      number: 3,
      para:
        'Strategy meetings are held for most children at risk of significant harm, but some are held late, and the reasons for ' +
        'the decisions made in them are not always written down. Child protection enquiries are thorough, and children are seen alone.',
    },
    {
      number: 4,
      para:
        'Disabled children receive a service from a specialist team whose workers know them well. Their assessments are detailed ' +
        'and take account of how each child communicates.',
    },
    {
      number: 5,
      para:
        'Children who go missing from home are offered a conversation when they return. The information from these conversations is ' +
        'used well to understand the risks to children who are exploited outside their homes.',
    },
    { heading: 'The experiences and progress of children in care: good' },
    {
      number: 6,
      para: 'Children come into care when they need to. Decisions to bring children into care are well recorded and reviewed by senior managers.',
    },
    {
      number: 7,
      para:
        'Children live in homes that meet their needs, and most have lived in the same home for a long time. Their plans are reviewed ' +
        'on time, and independent reviewing officers write to children after each review in words they can understand.',
    },
    {
      number: 8,
      para:
        'Too few homes are available for older children close to Dunmere. Some teenagers have moved a long way from their families ' +
        'and schools, and leaders have not yet opened the new homes they have planned.',
    },
    { heading: 'The experiences and progress of care leavers: requires improvement to be good' },
    { number: 9, para: 'Personal advisers keep in touch with most care leavers, although some young people have had too many changes of worker.' },
    { heading: 'The impact of leaders on social work practice with children and families: requires improvement to be good' },
    { number: 10, para: 'Leaders know their services well. They have strengthened the quality assurance of practice, and audits are now moderated.' },
    {
      number: 11,
      para:
        'The director and the lead member meet children in care and care leavers regularly, and what they hear changes what the ' +
        'service does. The corporate parenting board is well attended and holds partners to account for their part in children’s lives.',
    },
    {
      number: 12,
      para:
        'Managers oversee most children’s plans closely. Supervision is regular, but its records do not always say what should happen ' +
        'next for the child, or by when, and some plans drift as a result.',
    },
    {
      number: 13,
      para:
        'The workforce is more stable than at the last inspection. Fewer agency social workers are employed, and newly qualified ' +
        'workers speak highly of the support they receive in their first year.',
    },
    {
      number: 14,
      para:
        'Leaders use performance information well to understand the service. They know where practice is weaker and have begun to act, ' +
        'but the work to improve help for care leavers who live away from Dunmere has only just started.',
    },
    {
      number: 15,
      para:
        'Partners work well with the local authority to keep children safe. Schools, health services and the police attend meetings ' +
        'about children, and information is shared quickly when children may be at risk.',
    },
    { heading: 'Ofsted' },
    {
      para:
        'Ofsted inspects services for children and young people, and services that provide education and skills for learners of all ages. ' +
        'This report is available in other formats on request.',
    },
  ],
};
