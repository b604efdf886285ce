import { PdfSpec } from '../pdf-builder';

/**
 * ILACS full inspection, 2023: a cover that names the council and "Inspection of children's
 * social care services", care leavers graded apart, the list heading in large type wrapped over
 * two lines, "◼" bullets with no full stops, and a footnote at the foot of the page the list ends on.
 */
const running = 'Inspection of Ravensfield local authority children’s services';

const paragraphs = (from: number, texts: string[]) => texts.map((para, index) => ({ number: from + index, para }));

export const document: PdfSpec = {
  header: running,
  footer: `${running} 27 February to 10 March 2023`,
  blocks: [
    { title: 'Ravensfield City Council' },
    { para: 'Inspection of children’s social care services' },
    { para: 'Inspection dates: 27 February to 10 March 2023' },
    { para: 'Lead inspector: Tomasz Whitcombe, His Majesty’s Inspector' },
    {
      table: [
        ['Judgement', 'Grade'],
        ['The impact of leaders on social work practice with children and families', 'Outstanding'],
        ['The experiences and progress of children who need help and protection', 'Good'],
        ['The experiences and progress of children in care', 'Outstanding'],
        ['The experiences and progress of care leavers', 'Good'],
        ['Overall effectiveness', 'Outstanding'],
      ],
    },
    {
      para:
        'Children and families in Ravensfield receive help of a high quality. Since the last inspection in 2018, leaders have sustained ' +
        'and built on the strengths found then, and the service for children in care is now exceptional.',
      footnote: 'Ravensfield was last inspected under the inspection of local authority children’s services framework in June 2018.',
    },
    {
      para:
        'Leaders know their service and its communities well. They have invested in early help and in homes for children in care within ' +
        'the city, and children’s experiences have improved as a result.',
    },
    { heading: 'What needs to improve in this local authority’s children’s services?', size: 16 },
    { bullet: 'The timeliness of return home conversations for children who go missing' },
    { bullet: 'The consistency of written plans for care leavers who are parents, so that each says what support they will receive' },
    { heading: 'The experiences and progress of children who need help and protection: good' },
    ...paragraphs(1, [
      'Families who need early help receive it quickly from a range of services based in their communities.',
      'The front door is effective. Decisions are made promptly by experienced managers, and the reasons for them are recorded.',
      'Children at risk of significant harm are protected well. Strategy meetings are timely and attended by the right agencies.',
      'Most children who go missing are offered a conversation when they return, but too many of these conversations happen late.',
      'Children at risk of exploitation are helped by a specialist team whose work with partners has reduced the risks to many of them.',
    ]),
    { heading: 'The experiences and progress of children in care: outstanding' },
    ...paragraphs(6, [
      'Children come into care when they need to, and most live with their brothers and sisters in homes within the city.',
      'Children in care are known exceptionally well by social workers who stay with them for years. Their plans are ambitious.',
      'Children’s education is a priority. The virtual school tracks every child’s progress and acts quickly when a child falls behind.',
      'Children in care influence the service at every level. Their council has shaped the pledge and the training of foster carers.',
    ]),
    { heading: 'The experiences and progress of care leavers: good' },
    ...paragraphs(10, [
      'Care leavers are supported by personal advisers who know them well and keep in touch with them.',
      'Most care leavers live in homes that suit them, and many are in education, training or work.',
      'Care leavers who are parents receive help from the family support service, but their pathway plans do not always say what this help is.',
    ]),
    { heading: 'The impact of leaders on social work practice with children and families: outstanding' },
    ...paragraphs(13, [
      'Leaders are ambitious for children. They have a clear plan, shared with partners, and a detailed understanding of practice.',
      'The workforce is stable, well trained and well supported. Social workers say that Ravensfield is a place where they want to stay.',
      'Quality assurance is thorough and leads to improvement. Leaders listen to children, families and staff, and act on what they hear.',
      'Elected members are well informed corporate parents. They meet children in care often and challenge leaders about their progress.',
      'Partnerships are strong. Health services, schools and the police share responsibility for children with the local authority, and ' +
        'the safeguarding partnership’s priorities match those of the service.',
      'Leaders have made sure that the service has enough money to meet rising demand, and they have planned for the homes children will need.',
      'Social workers’ caseloads are manageable, and managers have time to reflect with them on their work with each family.',
      'Leaders know where practice is less strong, as in the timeliness of some return home conversations, and have plans to improve it.',
    ]),
    { pageBreak: true },
    { heading: 'About this report' },
    { para: 'Ofsted inspects services for children and young people. This report can be read in other formats on request.' },
    { para: 'You may reuse this report free of charge in any format, provided that its source is acknowledged.' },
  ],
};
