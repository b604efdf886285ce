import nunjucks from 'nunjucks';
import { GOVUK_DIST, VIEWS_DIR } from './web-assets';

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([VIEWS_DIR, GOVUK_DIST]), { autoescape: true });
const choices = [
  { id: 'u1', name: 'Ann O’Neil' },
  { id: 'u2', name: 'Bo <b>&</b> "Co"' },
];

/** The HTML with the space between and around tags taken out, so that two templates' layouts compare. */
const tight = (html: string) => html.replace(/>\s+/g, '>').replace(/\s+</g, '<').trim();

interface Case {
  chosen?: string;
  error?: { text: string };
  hint?: string;
  labelClasses?: string;
  /** The options written once by choiceOptions, as a page with several selects of one list passes them. */
  written?: boolean;
}

function ours({ chosen, error, hint, labelClasses, written }: Case) {
  return env.renderString(
    '{% from "partials/choice-select.njk" import choiceOptions, choiceSelect %}' +
      '{{ choiceSelect({ id: "ownerId", label: "New owner", labelClasses: labelClasses, hint: hint, noChoice: "No change", choices: choices, options: choiceOptions(choices) if written, chosen: chosen, error: error }) }}',
    { choices, chosen, error, hint, labelClasses, written },
  );
}

function govuks({ chosen, error, hint, labelClasses }: Case) {
  const items = [{ value: '', text: 'No change' }, ...choices.map((c) => ({ value: c.id, text: c.name, selected: c.id === chosen }))];
  const params = {
    id: 'ownerId',
    name: 'ownerId',
    label: { text: 'New owner', classes: labelClasses },
    hint: hint ? { text: hint } : undefined,
    items,
    errorMessage: error,
  };
  return env.renderString('{% from "govuk/components/select/macro.njk" import govukSelect %}{{ govukSelect(params) }}', { params });
}

describe('the select from a long list of choices', () => {
  it.each<[string, Case]>([
    ['nothing chosen', {}],
    ['nothing chosen, its options written once for the page', { written: true }],
    ['a choice made', { chosen: 'u2', written: true }],
    ['an error', { error: { text: 'Choose the new owner from the list' } }],
    ['a hint and a small label', { hint: 'The action’s manager, or its owner’s line manager', labelClasses: 'govuk-label--s' }],
    ['a hint and an error', { hint: 'Who does it', error: { text: 'Choose someone' }, chosen: 'u1' }],
  ])('writes what govukSelect writes, with %s', (_, c) => {
    expect(tight(ours(c))).toBe(tight(govuks(c)));
    expect(ours(c)).toContain('Bo &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;');
  });
});
