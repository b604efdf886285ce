import { PdfSpec } from '../pdf-builder';

/**
 * Annual performance assessment letter, 2005: the letter's closing table has two columns,
 * "Strengths" and "Areas for improvement", one row per outcome, each cell headed by the outcome
 * and holding its points as bullets; the right-hand cells are the findings, and the letter has
 * no other findings section. A cell may be empty.
 */
const cell = (label: string, items: string[]) => [`${label}:`, ...items.map((item) => `\u2022 ${item}`)].join(' ');

export const document: PdfSpec = {
  blocks: [
    { para: 'Office for Standards in Education' },
    { para: 'Alexandra Court, Wellgate Street, Pinfold PF2 4RT' },
    { para: 'Commission for Social Care Inspection' },
    { para: 'Ms Priya Halloran' },
    { para: 'Director of Children’s Services' },
    { para: 'Marlhaven Borough Council' },
    { para: 'Town Hall, Quay Road, Marlhaven MH3 9QA' },
    { para: '18 November 2005' },
    { para: 'Dear Ms Halloran' },
    { heading: '2005 ANNUAL PERFORMANCE ASSESSMENT OF MARLHAVEN BOROUGH COUNCIL’S EDUCATION AND CHILDREN’S SOCIAL CARE SERVICES' },
    {
      para:
        'This letter sets out the findings of the 2005 annual performance assessment (APA) of your council’s education and children’s ' +
        'social care services. We thank you and your officers for the evidence you supplied and for the meeting held in September.',
    },
    {
      table: [
        ['Areas for judgement', 'Grade awarded'],
        ['The contribution of the local authority’s children’s services in maintaining and improving outcomes for children and young people.', '2'],
        ['The council’s overall capacity to improve its services for children and young people', '3'],
      ],
      widths: [0.8, 0.2],
    },
    {
      para:
        'Marlhaven Borough Council delivers only minimum requirements for children and young people. The council knows its areas for ' +
        'improvement and has begun to address several of them, though progress on others has been slow. Its capacity to improve is good.',
    },
    { heading: 'Being healthy' },
    {
      para:
        'Children in Marlhaven are generally healthy. The council and the primary care trust have extended the school nursing service, ' +
        'and most schools take part in the healthy schools programme. Waiting times for the child and adolescent mental health service ' +
        'remain too long for children with less urgent needs.',
    },
    { heading: 'Staying safe' },
    {
      para:
        'Arrangements to keep children safe are adequate. Referrals are answered promptly, but too few initial assessments are completed ' +
        'within seven working days, and reviews of children on the child protection register are not always held on time.',
    },
    { heading: 'Enjoying and achieving' },
    {
      para:
        'Standards in primary schools are rising. Results at Key Stage 4 are below those of similar areas and the attainment of looked ' +
        'after children is low.',
    },
    { heading: 'Making a positive contribution' },
    {
      para: 'Young people take an active part in the youth forum, which has shaped the council’s plans. The rate of first-time offending has fallen.',
    },
    { heading: 'Achieving economic well-being' },
    { para: 'More young people stay in education after 16. Too few care leavers are in education, employment or training.' },
    { heading: 'Service management' },
    {
      para:
        'Leaders have set clear priorities, although the use of performance data by managers is at an early stage. Strengths and ' +
        'weaknesses are well understood.',
    },
    { para: 'The table below sets out the council’s main strengths and the areas for improvement.' },
    {
      table: [
        ['Strengths', 'Areas for improvement'],
        [
          cell('Being healthy', ['extended school nursing service', 'high take-up of the healthy schools programme.']),
          cell('Being healthy', [
            'waiting times for the child and adolescent mental health service for children with less urgent needs',
            'the number of looked after children with an annual dental check.',
          ]),
        ],
        [
          cell('Staying safe', ['prompt response to referrals', 'well attended multi-agency training.']),
          cell('Staying safe', [
            'completion of initial assessments within seven working days',
            'timeliness of reviews of children on the child protection register, which fell below the target set by the council last year.',
          ]),
        ],
        [
          cell('Enjoying and achieving', ['rising standards in primary schools.']),
          cell('Enjoying and achieving', ['results at Key Stage 4 compared with similar areas', 'the attainment of looked after children.']),
        ],
        [
          cell('Making a positive contribution', ['influence of the youth forum on the council’s plans', 'falling rate of first-time offending.']),
          cell('Making a positive contribution', []),
        ],
        [
          cell('Achieving economic well-being', ['more young people staying in education after 16.']),
          cell('Achieving economic well-being', ['the number of care leavers in education, employment or training.']),
        ],
        [
          cell('Service management', ['clear priorities shared with partners.']),
          cell('Service management', ['use of performance data by managers to improve services.']),
        ],
      ],
      widths: [0.5, 0.5],
    },
    {
      para:
        'We confirm that the grade for children’s services will be used in the council’s comprehensive performance assessment, which the ' +
        'Audit Commission will publish.',
    },
    { para: 'Yours sincerely' },
    { para: 'T. WARRENDER, Divisional Manager, Office for Standards in Education' },
    { para: 'H. OKONJO-BRAY, Regional Director, Commission for Social Care Inspection' },
  ],
};
