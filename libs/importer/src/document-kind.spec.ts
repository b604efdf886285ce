import {
  detectKind,
  KIND_APA_LETTER,
  KIND_COUNCIL_PROGRESS_PAPER,
  KIND_FOCUSED_VISIT_LETTER,
  KIND_JOINT_AREA_REVIEW,
  KIND_JOINT_TARGETED_AREA_INSPECTION,
  KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES,
  KIND_LOOKED_AFTER_CHILDREN_2013,
  KIND_MONITORING_VISIT_LETTER,
  KIND_SAFEGUARDING_AND_LOOKED_AFTER,
  KIND_SINGLE_INSPECTION_FRAMEWORK,
  KIND_UNANNOUNCED_INSPECTION_LETTER,
  KIND_UNKNOWN,
  REPORT_KINDS,
} from './document-kind';
import { splitLines } from './page-cleaner';

describe('document kind', () => {
  it.each([
    ['Inspection of safeguarding and looked after children services\nWestmarsh', KIND_SAFEGUARDING_AND_LOOKED_AFTER],
    ['Inspection of services for looked after children\nKingsholt', KIND_LOOKED_AFTER_CHILDREN_2013],
    [
      'Eastbridge\nInspection of services for children in need of help\nand protection, children looked after and care leavers',
      KIND_SINGLE_INSPECTION_FRAMEWORK,
    ],
    ['Inspection of Northfold local authority children\u2019s services', KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES],
    ['Northfold City Council\nInspection of children\u2019s social care services', KIND_LOCAL_AUTHORITY_CHILDRENS_SERVICES],
    [
      'Dear Ms Rowe\nFocused visit to Northfold children\u2019s services\nThis visit was carried out under the inspection of local authority children\u2019s services framework.',
      KIND_FOCUSED_VISIT_LETTER,
    ],
    ['Dear Mr Hale\nMonitoring visit to Northfold children\u2019s services', KIND_MONITORING_VISIT_LETTER],
    ['Dear Ms Rowe\n2008 ANNUAL PERFORMANCE ASSESSMENT OF THE COUNCIL', KIND_APA_LETTER],
    ['Annual unannounced inspection of contact, referral and assessment arrangements', KIND_UNANNOUNCED_INSPECTION_LETTER],
    [
      'Riverholme Council\nMeeting:\tScrutiny Panel\nDate of meeting:\t12 November 2013\nTitle:\tFollowing the annual performance assessment',
      KIND_COUNCIL_PROGRESS_PAPER,
    ],
    ['Joint targeted area inspection of the multi-agency response to neglect in Saltmere', KIND_JOINT_TARGETED_AREA_INSPECTION],
    ["Joint area review\nFenwick Children's Services Authority Area", KIND_JOINT_AREA_REVIEW],
    ['Minutes of the meeting', KIND_UNKNOWN],
  ])('detects %j', (text, kind) => {
    expect(detectKind(splitLines(text))).toBe(kind);
  });

  it('goes by the title, not by a later mention of another framework', () => {
    const text =
      'Inspection of safeguarding and looked after children services\nThe annual unannounced inspection of contact, referral and assessment in 2011 found ...';
    expect(detectKind(splitLines(text))).toBe(KIND_SAFEGUARDING_AND_LOOKED_AFTER);
  });

  it('describes every kind', () => {
    for (const description of Object.values(REPORT_KINDS)) expect(description.length).toBeGreaterThan(10);
  });
});
