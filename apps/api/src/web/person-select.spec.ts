import nunjucks from 'nunjucks';
import { GOVUK_DIST, VIEWS_DIR } from './web-assets';

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([VIEWS_DIR, GOVUK_DIST]), { autoescape: true });
const people = [
  { id: 'u1', displayName: 'Ann O’Neil' },
  { id: 'u2', displayName: 'Bo <b>&</b> "Co"' },
];

/** The HTML with the space between and around tags taken out, so that two templates' layouts compare. */
const tight = (html: string) => html.replace(/>\s+/g, '>').replace(/\s+</g, '<').trim();

function ours(chosen: string, error?: { text: string }) {
  return env.renderString(
    '{% from "partials/person-select.njk" import personOptions, personSelect %}{{ personSelect("ownerId", "New owner", people, personOptions(people), chosen, error) }}',
    { people, chosen, error },
  );
}

function govuks(chosen: string, error?: { text: string }) {
  const items = [{ value: '', text: 'No change' }, ...people.map((p) => ({ value: p.id, text: p.displayName, selected: p.id === chosen }))];
  return env.renderString(
    '{% from "govuk/components/select/macro.njk" import govukSelect %}{{ govukSelect({ id: "ownerId", name: "ownerId", label: { text: "New owner" }, items: items, errorMessage: error }) }}',
    { items, error },
  );
}

describe('the people select', () => {
  it.each([
    ['nobody chosen', '', undefined],
    ['someone chosen', 'u2', undefined],
    ['an error', '', { text: 'Choose the new owner from the list' }],
  ])('writes what govukSelect writes, with %s', (_, chosen, error) => {
    expect(tight(ours(chosen, error))).toBe(tight(govuks(chosen, error)));
    expect(ours(chosen, error)).toContain('Bo &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;');
  });
});
