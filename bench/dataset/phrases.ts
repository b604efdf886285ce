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
