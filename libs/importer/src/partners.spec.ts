import { ownerOrNull, partnerFromHeading, partnerInline } from './partners';

describe('partners', () => {
  it('reads the organisations of a sub-heading', () => {
    expect(partnerFromHeading('NHS Kingsholt, Kingsholt Council and Riverside Health should:')).toBe('NHS Kingsholt, Kingsholt Council and Riverside Health');
    expect(partnerFromHeading('The police and the hospital trust should take the following action:')).toBe('The police and the hospital trust');
  });

  it('does not take a sentence or an intro paragraph for a sub-heading', () => {
    expect(partnerFromHeading('the local authority and its partners should take the following action.')).toBeNull();
    expect(partnerFromHeading('Social workers should:')).toBeNull();
  });

  it('reads organisations named at the start of a finding', () => {
    expect(partnerInline('Westmarsh Police should ensure that officers record the views of children')).toBe('Westmarsh Police');
    expect(partnerInline('NHS Fenwick should appoint a designated doctor')).toBe('NHS Fenwick');
  });

  it('does not take people or groups of children for organisations', () => {
    expect(partnerInline('Care leavers should receive their records')).toBeNull();
    expect(partnerInline('ensure that health services should be told')).toBeNull();
  });

  it('treats the authority itself as no partner', () => {
    expect(ownerOrNull('The local authority and its partners', 'Westmarsh')).toBeNull();
    expect(ownerOrNull('Westmarsh Council', 'Westmarsh')).toBeNull();
    expect(ownerOrNull('the local partnership', 'Fenwick')).toBeNull();
    expect(ownerOrNull('NHS Westmarsh and Westmarsh Council', 'Westmarsh')).toBe('NHS Westmarsh and Westmarsh Council');
  });
});
