import nunjucks from 'nunjucks';
import { PagePieces } from './page-pieces';

const TEMPLATES: Record<string, string> = {
  'page.njk': '<h1>{{ title }}</h1><ul>{% for row in rows %}{{ apart("row.njk", { row: row }) }}{% endfor %}</ul><p>{{ footer }}</p>',
  'inline.njk': '<h1>{{ title }}</h1><ul>{% for row in rows %}{% include "row.njk" %}{% endfor %}</ul><p>{{ footer }}</p>',
  'row.njk': '<li>{{ row.name }}: {{ row.note }}</li>',
};

function environment() {
  const loader = { getSource: (name: string) => ({ src: TEMPLATES[name], path: name, noCache: false }) };
  const env = new nunjucks.Environment(loader as unknown as nunjucks.ILoader, { autoescape: true });
  PagePieces.addTo(env);
  return env;
}

// Long enough that the joined page is over the 64K characters where V8's large strings begin.
const rows = Array.from({ length: 1500 }, (_, i) => ({ name: `Action ${i}`, note: `The child’s own words, item ${i} <b>&</b>` }));

describe('PagePieces', () => {
  it('sends a page with regions rendered apart exactly as the page rendered whole', () => {
    const env = environment();
    const pieces = new PagePieces();
    const joined = pieces.join(env.render('page.njk', pieces.context({ title: 'Plan', rows, footer: 'End' })));
    const whole = env.render('inline.njk', { title: 'Plan', rows, footer: 'End' });
    expect(whole.length).toBeGreaterThan(65_536);
    expect(Buffer.isBuffer(joined)).toBe(true);
    expect(joined.toString('utf8')).toBe(whole);
  });

  it('leaves a page with nothing rendered apart as its text', () => {
    const env = environment();
    const pieces = new PagePieces();
    expect(pieces.join(env.render('row.njk', pieces.context({ row: rows[0] })))).toBe(env.render('row.njk', { row: rows[0] }));
  });

  it('renders the regions in place when the page is rendered without pieces (error pages)', () => {
    const env = environment();
    expect(env.render('page.njk', { title: 'Plan', rows: rows.slice(0, 3), footer: 'End' })).toBe(
      env.render('inline.njk', { title: 'Plan', rows: rows.slice(0, 3), footer: 'End' }),
    );
  });

  it('cannot be made to insert a piece by what people write', () => {
    const env = environment();
    const pieces = new PagePieces();
    const page = env.render('page.njk', pieces.context({ title: 'Plan', rows: rows.slice(0, 2), footer: '<!--piece 0 0--> <!--piece' }));
    const text = pieces.join(page).toString();
    expect(text).toContain('&lt;!--piece 0 0--&gt;');
    expect(text.match(/<li>/g)).toHaveLength(2);
    expect(text).not.toContain('<!--piece');
  });
});
