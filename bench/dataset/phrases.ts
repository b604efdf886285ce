/** Wording for synthetic findings, actions and notes, in the style of the real reports. */
export const FINDING_TEXTS = [
  'Ensure that all children in need have an up-to-date plan that is reviewed within timescales',
  'Improve the quality and timeliness of initial and core assessments',
  'Ensure that management oversight of casework is evident and recorded on case files',
  'Strengthen the multi-agency response to children at risk of sexual exploitation',
  'Improve the consistency of supervision for social workers and record its outcomes',
  'Ensure that the views of children and young people inform their care plans',
  'Reduce the number of re-referrals within twelve months',
  'Improve the stability of placements for looked after children',
  'Ensure that health assessments for looked after children are completed on time',
  'Develop the performance management framework so that leaders understand frontline practice',
  'Ensure that pathway plans for care leavers are specific and regularly reviewed',
  'Improve the recruitment and retention of experienced social workers',
];

export const NOTE_TEXTS = [
  'Audit of 40 case files completed; 31 met the standard. Findings shared with team managers.',
  'Training delivered to two locality teams; attendance 86%. Follow-up sessions booked for next month.',
  'Revised practice guidance approved by the senior leadership team and published on the intranet.',
  'Performance report shows improvement for the third month running, though still below target.',
  'Partner agencies agreed the new referral pathway at the safeguarding partnership meeting.',
  'Delay due to staff vacancies; interim cover arranged and recruitment campaign launched.',
  'Dip sample of supervision records shows reflective discussion recorded in most cases.',
  'Quality assurance framework refreshed; monthly themed audits start in the new quarter.',
];

export const PARTNERS = ['NHS Foundation Trust', 'Police', 'Clinical Commissioning Group'];
export { TIMESCALES } from '@app/domain';
export const PLACE_NAMES = ['North', 'South', 'East', 'West', 'Upper', 'Lower', 'Great', 'Little', 'Kings', 'Market'];
export const PLACE_SUFFIXES = ['shire', 'borough', 'ford', 'ham', 'ton', 'field', 'bridge', 'worth', 'by', 'mouth', 'stead', 'wich', 'dale', 'port', 'chester'];

/** The council's performance measures, one for each finding text above (same order): what its actions should move. */
export const MEASURES = [
  { name: 'Children in need with a plan reviewed on time', unit: 'percent', polarity: 'higher', target: 95, tolerance: 3, start: 78 },
  { name: 'Assessments completed within 45 working days', unit: 'percent', polarity: 'higher', target: 88, tolerance: 4, start: 70 },
  { name: 'Case files showing recorded management oversight', unit: 'percent', polarity: 'higher', target: 90, tolerance: 5, start: 62 },
  { name: 'Children at risk of exploitation with a multi-agency plan', unit: 'percent', polarity: 'higher', target: 92, tolerance: 4, start: 74 },
  { name: 'Social workers supervised within the month', unit: 'percent', polarity: 'higher', target: 90, tolerance: 5, start: 66 },
  { name: 'Care plans that record the child’s own words', unit: 'percent', polarity: 'higher', target: 85, tolerance: 5, start: 58 },
  { name: 'Re-referrals within twelve months', unit: 'percent', polarity: 'lower', target: 20, tolerance: 2, start: 27 },
  { name: 'Children in care with three or more moves this year', unit: 'percent', polarity: 'lower', target: 9, tolerance: 1, start: 13 },
  { name: 'Health assessments of children in care done on time', unit: 'percent', polarity: 'higher', target: 90, tolerance: 4, start: 71 },
  {
    name: 'Average caseload of a social worker',
    unit: 'count',
    polarity: 'band',
    target: null,
    bandLow: 14,
    bandHigh: 19,
    tolerance: 2,
    start: 24,
    monthly: true,
  },
  { name: 'Care leavers with a current pathway plan', unit: 'percent', polarity: 'higher', target: 95, tolerance: 3, start: 80 },
  { name: 'Social work posts filled by agency staff', unit: 'percent', polarity: 'lower', target: 15, tolerance: 3, start: 31 },
] as const;

export const VALUE_COMMENTARY = [
  'Improvement held for a second quarter; the dip sample confirms the figure.',
  'Fell back after two locality teams lost experienced staff; recovery plan agreed.',
  'Data cleansing this quarter removed duplicate records, so the figure is not directly comparable.',
  'Steady progress; the team expects to meet the target by the year end.',
];

export const CORRECTION_REASONS = ['Late recording in one locality added after the return', 'Figure recalculated after the case system upgrade'];

/** The inspection's judgement areas, each with a grade from 1 (outstanding) to 4 (inadequate). */
export const INSPECTION_AREAS = [
  'Overall effectiveness',
  'Leadership and its impact on practice',
  'Help and protection for children and families',
  'Children in care and care leavers',
];
export const GRADE_LABELS = ['Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate'];

export const MEETING_PLACES = ['Committee Room 2, Civic Centre', 'Council Chamber', 'Online (video call)', 'Board Room, Children’s Services'];

export const GUESTS = ['Designated nurse for children in care', 'Head of service, early help', 'Principal social worker', 'Independent scrutineer'];

export const MINUTES_NARRATIVES = [
  'The chair welcomed the principal social worker, who presented the latest practice audit. Members asked for a deeper look at supervision in the assessment teams.',
  'The board discussed staffing pressures and agreed to receive a workforce report at the next meeting.',
  'Members noted improving timeliness but challenged whether the quality of plans had improved at the same pace.',
];

export const CANCEL_REASONS = ['Not quorate: three members sent apologies', 'Moved to allow the scrutiny committee to meet first'];

export const DECISION_COMMENTS = {
  verify: ['Audit evidence reviewed; the standard is met across the sample.', 'Evidence seen by the chair; impact confirmed by the latest figures.'],
  send_back: ['The evidence shows activity but not yet impact: return with an audit.', 'Please bring the updated figures and the revised timeline.'],
  escalate: ['No progress for two meetings: the director to review resourcing.', 'Partner agreement has stalled: raise at the partnership executive.'],
  note: ['Progress noted; the board will look again next time.', 'Members welcomed the update and the improving trend.'],
} as const;

export const REVIEW_COMMENTS = [
  'Progress is visible in the audits, though it is not yet consistent across teams.',
  'Leaders understand the weaknesses well; the pace of change remains too slow in places.',
  'Most actions are on track; the overdue ones are understood and have credible recovery plans.',
  'The measures have moved in the right direction for two quarters running.',
];
