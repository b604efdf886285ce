import * as fs from 'node:fs';
import * as path from 'node:path';
import nunjucks from 'nunjucks';

/**
 * Nunjucks' time on a page went mostly to the GOV.UK components: each call of a component's macro
 * includes its template, which imports the macros it uses and runs them, so an action page made
 * about 70 component renders, 190 loop iterations and 3,200 frame writes. A component's HTML depends
 * on its parameters alone (its template reads no page variable, and it is imported without
 * context), so the same call gives the same HTML: this keeps the HTML of recent calls and gives it
 * back for a call with equal parameters. A call whose parameters hold anything but plain data
 * (strings, numbers, booleans, null, undefined, markup marked safe, arrays and plain objects of
 * these) is rendered as before, as is a call with keyword arguments or a caller block. The regions a
 * page renders apart (page-pieces.ts) are kept here too, within the same budget, as their HTML likewise
 * depends on their data alone.
 */

type Macro = (...args: unknown[]) => unknown;
type Exported = Record<string, unknown>;
type ExportedCallback = (err: Error | null, exported?: Exported) => void;

interface ExportingTemplate {
  getExported(ctx: unknown, parentFrame?: unknown, cb?: unknown): void;
}

interface ResolvingEnvironment {
  resolveTemplate(loader: unknown, parentName: string | null, filename: string): string;
}

const SafeString = nunjucks.runtime.SafeString;
const MAX_DEPTH = 32;

/**
 * A text that two calls share only if their parameters are equal in every way a template can
 * tell apart (undefined from null, a string from the same markup marked safe); undefined when the
 * parameters hold something else (a date, a function, a class instance), which is then not cached.
 * Each text is written with its length before it, so no text can pass for the end of another or
 * for the next parameter, and nothing has to be quoted (quoting each string took four times as long).
 */
export function componentKey(value: unknown, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (typeof value) {
    case 'undefined':
      return 'u';
    case 'boolean':
      return value ? 't' : 'f';
    case 'number':
      return `d${value}`;
    case 'string':
      return `s${value.length}:${value}`;
    case 'object':
      return objectKey(value, depth);
    default:
      return undefined;
  }
}

function objectKey(value: object | null, depth: number): string | undefined {
  if (value === null) return 'n';
  if (value instanceof SafeString) {
    const markup = (value as unknown as { val: unknown }).val;
    return typeof markup === 'string' ? `h${markup.length}:${markup}` : undefined;
  }
  if (Array.isArray(value)) {
    let key = '[';
    for (const item of value) {
      const part = componentKey(item, depth + 1);
      if (part === undefined) return undefined;
      key += `${part},`;
    }
    return `${key}]`;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  let key = '{';
  for (const name in value) {
    const part = componentKey((value as Record<string, unknown>)[name], depth + 1);
    if (part === undefined) return undefined;
    key += `${name.length}:${name}${part},`;
  }
  return `${key}}`;
}

/** The HTML of recent component calls, least recently used dropped first once the keys and HTML pass `budget` characters. */
export class ComponentCache {
  private readonly entries = new Map<string, unknown>();
  private size = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly budget = 4_000_000) {}

  /** The macro's HTML for these arguments: kept, or rendered now and kept. */
  call(name: string, macro: Macro, self: unknown, args: unknown[]): unknown {
    const params = componentKey(args[0]);
    if (args.length !== 1 || params === undefined) return macro.apply(self, args);
    const key = `${name}(${params})`;
    const kept = this.entries.get(key);
    if (kept !== undefined) {
      this.hits++;
      // Most recently used last, so the first entry is the one to drop.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    this.misses++;
    const html = macro.apply(self, args);
    this.entries.set(key, html);
    this.size += key.length + String(html).length;
    while (this.size > this.budget && this.entries.size > 1) {
      const [oldest, value] = this.entries.entries().next().value as [string, unknown];
      this.entries.delete(oldest);
      this.size -= oldest.length + String(value).length;
    }
    return html;
  }
}

/**
 * Caches the HTML of every GOV.UK component imported by name (`{% from "govuk/components/x/macro.njk"
 * import govukX %}`) in `env`, and keeps that import's macros from one run of the macro file rather
 * than running it again at each import. Only for an environment that caches its templates.
 */
export function cacheComponents(env: nunjucks.Environment, govukDist: string, cache = new ComponentCache()): ComponentCache {
  const components = path.join(govukDist, 'govuk', 'components');
  for (const dir of fs.readdirSync(components)) {
    if (!fs.existsSync(path.join(components, dir, 'macro.njk'))) continue;
    const template = env.getTemplate(`govuk/components/${dir}/macro.njk`) as unknown as ExportingTemplate;
    const getExported = template.getExported.bind(template);
    let macros: Exported | undefined;
    template.getExported = (ctx: unknown, parentFrame?: unknown, cb?: unknown) => {
      // An import with context passes the page's variables: left as it is.
      if (typeof ctx !== 'function') return getExported(ctx, parentFrame, cb);
      const done = ctx as ExportedCallback;
      if (macros) return done(null, macros);
      getExported((err: Error | null, exported?: Exported) => {
        if (err || !exported) return done(err);
        macros = cachedMacros(exported, cache);
        done(null, macros);
      });
    };
  }
  return cache;
}

function cachedMacros(exported: Exported, cache: ComponentCache): Exported {
  const macros: Exported = {};
  for (const [name, value] of Object.entries(exported)) {
    if (typeof value !== 'function') {
      macros[name] = value;
      continue;
    }
    const macro = value as Macro;
    macros[name] = function (this: unknown, ...args: unknown[]) {
      return cache.call(name, macro, this, args);
    };
  }
  return macros;
}

/**
 * Nunjucks resolves a relative include or import ("./template.njk", "../hint/macro.njk") against its
 * parent's path with path.resolve at every include, for each loader: about a fifth of a component's
 * render. The answer depends on the two names alone (both our loaders resolve with Nunjucks' own
 * Loader.resolve), so it is worked out once.
 */
export function memoiseTemplatePaths(env: nunjucks.Environment): void {
  const resolving = env as unknown as ResolvingEnvironment;
  const resolve = resolving.resolveTemplate.bind(resolving);
  const resolved = new Map<string, string>();
  resolving.resolveTemplate = (loader, parentName, filename) => {
    if (!parentName) return filename;
    const key = `${parentName}\u0000${filename}`;
    let found = resolved.get(key);
    if (found === undefined) resolved.set(key, (found = resolve(loader, parentName, filename)));
    return found;
  };
}
