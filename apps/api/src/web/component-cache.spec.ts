import nunjucks from 'nunjucks';
import { cacheComponents, ComponentCache, componentKey, memoiseTemplatePaths } from './component-cache';
import { GOVUK_DIST } from './web-assets';

const safe = (html: string) => new nunjucks.runtime.SafeString(html);

const PAGE = `{% from "govuk/components/input/macro.njk" import govukInput %}
{% from "govuk/components/radios/macro.njk" import govukRadios %}
{% from "govuk/components/button/macro.njk" import govukButton %}
{{ govukInput({ id: "title", name: "title", label: { text: label }, value: value, errorMessage: error }) }}
{{ govukRadios({ name: "status", items: items, hint: { html: hint } }) }}
{{ govukButton({ text: "Save", attributes: attributes }) }}`;

function environment(cached: boolean) {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([GOVUK_DIST]), { autoescape: true });
  const cache = new ComponentCache();
  if (cached) {
    memoiseTemplatePaths(env);
    cacheComponents(env, GOVUK_DIST, cache);
  }
  return { page: new nunjucks.Template(PAGE, env, `${GOVUK_DIST}/page.njk`), cache };
}

const contexts: Record<string, unknown>[] = [
  { label: 'Title', value: undefined, items: [{ value: 'a', text: 'A' }], hint: 'Plain <b>text</b>' },
  { label: 'Title', value: null, items: [{ value: 'a', text: 'A' }], hint: safe('Marked <b>safe</b>') },
  { label: 'Title', value: '', items: [{ value: 'a', text: 'A', checked: true }], hint: 'Plain <b>text</b>', error: { text: 'Enter a title' } },
  { label: 'Title & more', value: 'It\'s "quoted"', items: [], hint: '', attributes: { 'data-x': 1, hidden: { value: true, optional: true } } },
  { label: 'Title', value: '1', items: [{ value: 'a', text: 'A' }], hint: 'Plain <b>text</b>', attributes: { 'data-x': '1' } },
];

describe('GOV.UK component cache', () => {
  it('tells apart what a template tells apart', () => {
    const keys = [undefined, null, '', 'u', 0, '0', false, 'f', safe('<b>'), '<b>', [undefined], [null], {}, { a: undefined }, { a: null }, [], '[]'].map((v) =>
      componentKey(v),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(componentKey({ a: [1, { b: 'c' }] })).toBe(componentKey({ a: [1, { b: 'c' }] }));
  });

  it('cannot be fooled by text that looks like the parameters around it', () => {
    const pairs: [unknown, unknown][] = [
      [['a,s1:b'], ['a', 'b']],
      [{ a: 's1:b,1:cs1:d' }, { a: 'b', c: 'd' }],
      [{ 'a1:b': 'c' }, { a: '', b: 'c' }],
      [
        ['1', 1],
        [1, '1'],
      ],
      [{ a: '2:x' }, { a: 2, x: '' }],
      [[safe('s1:a')], ['h1:a']],
    ];
    for (const [one, other] of pairs) expect(componentKey(one)).not.toBe(componentKey(other));
  });

  it('leaves out of the cache parameters that are not plain data', () => {
    class Thing {}
    for (const value of [new Date(0), () => 'x', new Thing(), new Map(), { when: new Date(0) }, [Symbol('s')]]) expect(componentKey(value)).toBeUndefined();
  });

  it('gives the HTML an uncached environment gives, rendered once per distinct call', () => {
    const plain = environment(false);
    const cached = environment(true);
    for (let round = 0; round < 2; round++) for (const context of contexts) expect(cached.page.render(context)).toBe(plain.page.render(context));
    // Three components on each of five pages, twice: each distinct call is rendered once (the input
    // differs on all five, the radios on four, the button's attributes on three), the rest come from the cache.
    expect(cached.cache.misses).toBe(12);
    expect(cached.cache.hits).toBe(18);
  });

  it('renders a call whose parameters hold a date every time', () => {
    const { page, cache } = environment(true);
    const context = { ...contexts[0], attributes: { 'data-when': new Date(0) } };
    page.render(context);
    page.render(context);
    expect(cache.hits).toBe(2); // the input and the radios, the second time
    expect(cache.misses).toBe(2);
  });

  it('drops the least recently used HTML once over its budget', () => {
    const cache = new ComponentCache(60);
    const macro = (params: unknown) => `<p>${JSON.stringify(params)}</p>`;
    cache.call('m', macro, null, [{ a: 1 }]);
    cache.call('m', macro, null, [{ a: 2 }]);
    cache.call('m', macro, null, [{ a: 1 }]);
    cache.call('m', macro, null, [{ a: 3 }]);
    expect(cache.misses).toBe(3);
    cache.call('m', macro, null, [{ a: 1 }]);
    expect(cache.hits).toBe(2);
    cache.call('m', macro, null, [{ a: 2 }]);
    expect(cache.misses).toBe(4);
  });
});
