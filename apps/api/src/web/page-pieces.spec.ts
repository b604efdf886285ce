import nunjucks from 'nunjucks';
import { ComponentCache } from './component-cache';
import { PagePieces } from './page-pieces';

const TEMPLATES: Record<string, string> = {
  'page.njk': '<h1>{{ title }}</h1><ul>{% for row in rows %}{{ apart("row.njk", { row: row }) }}{% endfor %}</ul><p>{{ footer }}</p>',
  'inline.njk': '<h1>{{ title }}</h1><ul>{% for row in rows %}{% include "row.njk" %}{% endfor %}</ul><p>{{ footer }}</p>',
  'row.njk': '<li>{{ row.name }}: {{ row.note }}</li>',
};

function environment(cache?: ComponentCache) {
  const loader = { getSource: (name: string) => ({ src: TEMPLATES[name], path: name, noCache: false }) };
  const env = new nunjucks.Environment(loader as unknown as nunjucks.ILoader, { autoescape: true });
  PagePieces.addTo(env, cache);
  return env;
}

const sent = (env: nunjucks.Environment, data: Record<string, unknown>) => {
  const pieces = new PagePieces();
  return pieces.join(env.render('page.njk', pieces.context(data))).toString();
};

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

  it('with a cache, gives back a region rendered with equal data and renders one whose data changed', () => {
    const cache = new ComponentCache();
    const env = environment(cache);
    const some = rows.slice(0, 5);
    const first = sent(env, { title: 'Plan', rows: some, footer: 'End' });
    expect([cache.hits, cache.misses]).toEqual([0, 5]);
    expect(sent(env, { title: 'Plan', rows: some.map((row) => ({ ...row })), footer: 'End' })).toBe(first);
    expect([cache.hits, cache.misses]).toEqual([5, 5]);

    const changed = some.map((row, i) => (i === 2 ? { ...row, note: 'Now <i>done</i>' } : row));
    const again = sent(env, { title: 'Plan', rows: changed, footer: 'End' });
    expect([cache.hits, cache.misses]).toEqual([9, 6]);
    expect(again).toBe(env.render('inline.njk', { title: 'Plan', rows: changed, footer: 'End' }));
    expect(again).toContain('<li>Action 2: Now &lt;i&gt;done&lt;/i&gt;</li>');
  });
});
