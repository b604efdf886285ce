import { MilestoneDto } from '../actions/actions.dto';
import { checkForm, FormErrors } from './form-errors';

const WORDING = {
  title: { field: 'milestoneTitle', missing: 'Enter what the milestone is', invalid: 'Too long' },
  dueDate: { field: 'milestoneDue-day', invalid: 'The milestone date must be a real date' },
};

describe('checkForm', () => {
  it('takes a blank date (null from an empty date input) as left out, as the API takes a field not sent', () => {
    expect(checkForm(MilestoneDto, { title: 'Brief the team', dueDate: null }, WORDING).errors.any).toBe(false);
    expect(checkForm(MilestoneDto, { title: 'Brief the team', dueDate: '' }, WORDING).errors.any).toBe(false);
  });

  it("still refuses what the DTO refuses, in the page's words", () => {
    expect(checkForm(MilestoneDto, { title: 'Brief the team', dueDate: '2027-02-31' }, WORDING).errors.view().errorList).toEqual([
      { text: 'The milestone date must be a real date', href: '#milestoneDue-day' },
    ]);
    expect(checkForm(MilestoneDto, { title: null, dueDate: null }, WORDING).errors.view().errorList).toEqual([
      { text: 'Enter what the milestone is', href: '#milestoneTitle' },
    ]);
  });
});

describe('FormErrors.view', () => {
  it('links the summary to the fields, unless the page no longer shows the form', () => {
    const errors = FormErrors.of('comment', 'Give a comment');
    expect(errors.view().errorList).toEqual([{ text: 'Give a comment', href: '#comment' }]);
    expect(errors.view(false).errorList).toEqual([{ text: 'Give a comment' }]);
    expect(errors.view(false).errors).toEqual({ comment: { text: 'Give a comment' } });
  });
});
