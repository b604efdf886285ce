import { findAuthority } from './authority';
import {
  KIND_APA_LETTER,
  KIND_COUNCIL_PROGRESS_PAPER,
  KIND_JOINT_TARGETED_AREA_INSPECTION,
  KIND_SAFEGUARDING_AND_LOOKED_AFTER,
  KIND_SINGLE_INSPECTION_FRAMEWORK,
} from './document-kind';
import { readDocument } from './report-document';

const authority = (kind: string, ...lines: string[]) => findAuthority(readDocument(lines.join('\n')), kind);

describe('authority', () => {
  it('takes the place named under a report title that wraps', () => {
    expect(
      authority(KIND_SAFEGUARDING_AND_LOOKED_AFTER, 'Inspection of safeguarding and looked after', 'children services', 'Dunmore', 'Published: 1 May 2011'),
    ).toBe('Dunmore');
  });

  it('writes a title in capitals the way the letter writes it elsewhere, as the council addressed', () => {
    expect(
      authority(
        KIND_APA_LETTER,
        'Dunmore-on-Sea & Vale Council',
        'Dear Ms Rowe',
        '2008 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN DUNMORE-ON-SEA AND VALE',
        'Dunmore-on-Sea and Vale Council performs well.',
      ),
    ).toBe('Dunmore-on-Sea and Vale Council');
  });

  it('takes the area of a joint inspection, not a council', () => {
    expect(
      authority(
        KIND_JOINT_TARGETED_AREA_INSPECTION,
        'Joint targeted area inspection of the multi-agency response to neglect in Dunmore',
        'Dunmore Council took part.',
      ),
    ).toBe('Dunmore');
  });

  it('takes the council at the head of its own paper', () => {
    expect(authority(KIND_COUNCIL_PROGRESS_PAPER, 'Dunmore County Council\t\t', 'Meeting:\tCabinet')).toBe('Dunmore County Council');
  });

  it('prefers a labelled authority', () => {
    expect(authority(KIND_SAFEGUARDING_AND_LOOKED_AFTER, 'Local authority: Dunmore', 'Inspection of safeguarding and looked after children services')).toBe(
      'Dunmore',
    );
  });

  it('never takes a joining word on a line of its own for a place', () => {
    const cover = [
      'Inspection of services for children in need of help and protection,',
      'children looked after and care leavers',
      'And',
      'Review of the effectiveness of the local safeguarding children board',
      'Inspection date: 3 November 2014 – 26 November 2014',
    ];
    expect(authority(KIND_SINGLE_INSPECTION_FRAMEWORK, 'Dunmore', ...cover)).toBe('Dunmore');
    expect(authority(KIND_SINGLE_INSPECTION_FRAMEWORK, ...cover)).toBeNull();
  });

  it('takes the place of the framework judgement "Children\'s services in … are …"', () => {
    expect(
      authority(
        KIND_SINGLE_INSPECTION_FRAMEWORK,
        'Inspection of services for children in need of help and protection, children looked after and care leavers',
        'Report published: 1 May 2015',
        'Children\u2019s services in Dunmore-on-Sea require improvement',
      ),
    ).toBe('Dunmore-on-Sea');
    expect(authority(KIND_SINGLE_INSPECTION_FRAMEWORK, 'Children’s services in the Isle of Dunmore are good')).toBe('Isle of Dunmore');
  });

  it('takes the council of a 2005 letter from its possessive title', () => {
    expect(
      authority(
        KIND_APA_LETTER,
        'Dear Mr Lowe',
        "2005 ANNUAL PERFORMANCE ASSESSMENT OF DUNMORE CITY COUNCIL'S EDUCATION AND CHILDREN'S SOCIAL CARE SERVICES",
        'Dunmore City Council delivers above minimum requirements.',
      ),
    ).toBe('Dunmore City Council');
    expect(
      authority(
        KIND_APA_LETTER,
        "2005 ANNUAL PERFORMANCE ASSESSMENT OF DUNMORE CITY COUNCIL'S",
        "EDUCATION AND CHILDREN'S SOCIAL CARE SERVICES",
        'Dunmore City Council delivers above minimum requirements.',
      ),
    ).toBe('Dunmore City Council');
  });
});
