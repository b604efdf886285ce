import { PdfSpec } from '../pdf-builder';

/**
 * Single inspection framework, 2015: the board's numbered list straight under "What does the LSCB
 * need to improve?" with no list heading of its own, followed in the same numbering by "Inspection
 * judgement about the LSCB"; a recommendation addressed to the local authority and a partner; a
 * grade on the line under each judgement heading; a recommendation broken over a page.
 */
const running = 'Brackenfold: inspection of services for children and review of the LSCB';

const numbered = (from: number, texts: string[]) => texts.map((para, index) => ({ number: from + index, para }));

export const document: PdfSpec = {
  header: running,
  blocks: [
    { title: 'Brackenfold' },
    { para: 'Inspection of services for children in need of help and protection, children looked after and care leavers' },
    { para: 'and' },
    { para: 'Review of the effectiveness of the local safeguarding children board' },
    { para: 'Inspection date: 12 January 2015 – 4 February 2015' },
    { para: 'Report published: 23 March 2015' },
    {
      table: [
        ['Children’s services in Brackenfold require improvement', ''],
        ['1. Children who need help and protection', 'Requires improvement'],
        ['2. Children looked after and achieving permanence', 'Good'],
        ['2.1 Adoption performance', 'Good'],
        ['2.2 Experiences and progress of care leavers', 'Requires improvement'],
        ['3. Leadership, management and governance', 'Requires improvement'],
      ],
    },
    { para: 'The Local Safeguarding Children Board (LSCB) requires improvement.' },
    { pageBreak: true },
    { heading: 'Executive summary' },
    {
      para:
        'Children who need help and protection in Brackenfold are kept safe, but the help they receive is too variable. Most children in ' +
        'care live in stable homes and adoption is a strength. Care leavers do not always get the support they need to move into their own homes.',
    },
    {
      para:
        'Leaders have a realistic view of what needs to improve. Some of the areas for improvement in this report were known to them, and ' +
        'work to address them had begun. The council has kept its spending on children’s services steady, and elected members receive ' +
        'regular reports on performance, though these say more about the timeliness of work than about its quality.',
    },
    {
      para:
        'Social workers say that they are well supported and that their caseloads are manageable. Most children have the same social ' +
        'worker for a long time, and they told inspectors that this matters to them. The quality of supervision varies between teams.',
    },
    {
      para:
        'The local authority designated officer deals with allegations against adults who work with children promptly, but the records ' +
        'of the outcome of referrals are incomplete, so managers cannot be sure that every allegation has been resolved.',
    },
    {
      para:
        'Care leavers have good relationships with their personal advisers. However, some have lived in bed and breakfast accommodation, ' +
        'and too few have been helped to find a suitable home before they leave care.',
    },
    {
      para:
        'Children who go missing are offered return interviews, and the information from them is shared with the police. Partner ' +
        'agencies understand the thresholds for referral, and the multi-agency safeguarding hub makes timely decisions. Early help is ' +
        'growing, though too few assessments are led by schools. Private fostering arrangements are not always identified or assessed, ' +
        'and some privately fostered children have not been visited for many months. Health assessments for children coming into care ' +
        'are often late, because the arrangements between the local authority and health services do not work well. Leaders ' +
        'have agreed a new protocol with the clinical commissioning group, but it had not been in place long enough to show its effect.',
    },
    { heading: 'What does the local authority need to improve?' },
    { heading: 'Priority and immediate action' },
    ...numbered(1, ['Ensure that children who are privately fostered are visited within the required timescales and that their arrangements are assessed.']),
    { heading: 'Areas for improvement' },
    ...numbered(2, [
      'Improve the quality of supervision of social workers so that it is regular, reflective and recorded on the child’s file.',
      'The local authority and Brackenfold Clinical Commissioning Group should make sure that initial health assessments for children coming into care are completed within 20 working days.',
      'Ensure that all care leavers are offered a suitable place to live, and that no care leaver lives in bed and breakfast accommodation.',
      'Strengthen the involvement of children and families in child protection conferences, so that their views are recorded and help shape the plan.',
      'Make sure that the local authority designated officer keeps a record of the outcome of every referral about adults who work with children.',
    ]),
    { heading: 'Summary for children and young people' },
    { bullet: 'Social workers see most children regularly and listen to what they say.', glyph: 'wingdings' },
    { bullet: 'Children who are adopted find new families quickly.', glyph: 'wingdings' },
    { heading: 'The experiences and progress of children who need help and protection' },
    { para: 'Requires improvement' },
    ...numbered(7, [
      'Children and families receive a prompt response when they are first referred, and decisions about next steps are made by qualified managers.',
      'The quality of assessments is too variable. Some are thorough, but others do not consider the history of the family.',
    ]),
    { pageBreak: true },
    { heading: 'Review of the effectiveness of the local safeguarding children board' },
    { para: 'Requires improvement' },
    { heading: 'Executive summary' },
    {
      para:
        'The Brackenfold Safeguarding Children Board (BSCB) meets its statutory responsibilities. In 2014 the Brackenfold Safeguarding ' +
        'Children Board appointed a new independent chair, who has improved attendance by partner agencies.',
    },
    { heading: 'What does the LSCB need to improve?' },
    ...numbered(10, [
      'Ensure that the board’s performance information includes data from all partner agencies, including health and the police.',
      'Evaluate the effect of early help services on children and families.',
      'Make sure that the multi-agency audit programme looks at the quality of practice, not only compliance with procedures.',
      'Publish the learning from case reviews in a form that practitioners in every agency can use.',
      'Check that the board’s training reaches staff in schools and in adult services.',
    ]),
    { heading: 'Inspection judgement about the LSCB' },
    ...numbered(15, [
      'The board has a clear structure of sub-groups, each with a work plan. Members attend regularly and challenge each other.',
      'The board’s annual report is thorough but does not say enough about the experiences of children.',
    ]),
  ],
};
