import { randomBytes } from 'node:crypto';
import nunjucks from 'nunjucks';
import { ComponentCache } from './component-cache';

/** Where a render's pieces are kept in its Nunjucks context. */
const KEY = 'pagePieces';

/**
 * A big page is sent as pieces joined as bytes. V8 keeps a string of 128 KB or more (64K characters
 * once one of them is beyond Latin-1, as a typographic apostrophe is) in its large-object space, and
 * making one took about 0.6 ms here, twice a request (Fastify counts the body's bytes, then Node
 * writes it after the headers): about a quarter of the quarterly review page's CPU. A template renders
 * a repeated region with `{{ apart("template.njk", { ... }) }}`: the page holds a marker there, so
 * its own string is only what is outside such regions, and the whole page is never one string.
 */
export class PagePieces {
  private readonly rendered: string[] = [];
  private readonly tag = randomBytes(8).toString('hex');

  /** The data a render is given, with these pieces in it. */
  context(data: Record<string, unknown>): Record<string, unknown> {
    return { ...data, [KEY]: this };
  }

  /** The whole page: the text itself while nothing was rendered apart, else its bytes. */
  join(page: string): string | Buffer {
    if (this.rendered.length === 0) return page;
    const parts = this.inOrder(page);
    const bytes = Buffer.allocUnsafe(parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0));
    let at = 0;
    for (const part of parts) at += bytes.write(part, at);
    return bytes;
  }

  /** The page's text between the markers, with each marker's piece in its place. */
  private inOrder(page: string): string[] {
    // The markers cannot be forged: what people write is escaped, and the tag is new for each render.
    const open = `<!--piece ${this.tag} `;
    const parts: string[] = [];
    let from = 0;
    for (let marker = page.indexOf(open); marker >= 0; marker = page.indexOf(open, from)) {
      const close = page.indexOf('-->', marker);
      parts.push(page.slice(from, marker), this.rendered[Number(page.slice(marker + open.length, close))]);
      from = close + 3;
    }
    parts.push(page.slice(from));
    return parts;
  }

  private hold(html: string): nunjucks.runtime.SafeString {
    this.rendered.push(html);
    return new nunjucks.runtime.SafeString(`<!--piece ${this.tag} ${this.rendered.length - 1}-->`);
  }

  /**
   * Gives templates `apart(template, data)`: the template rendered with only that data and the
   * globals. So its HTML depends on the data alone, and with a cache, as a component's does, the
   * HTML of a region rendered with equal data is kept and given back (a review's measure, unchanged
   * since the last time someone opened the review).
   */
  static addTo(env: nunjucks.Environment, cache?: ComponentCache): void {
    const render = (template: string, data: Record<string, unknown>): string =>
      cache ? String(cache.call(`apart ${template}`, (kept: unknown) => env.render(template, kept as object), null, [data])) : env.render(template, data);
    env.addGlobal('apart', function (this: { ctx: Record<string, unknown> }, template: string, data: Record<string, unknown>) {
      const html = render(template, data);
      const pieces = this.ctx[KEY];
      return pieces instanceof PagePieces ? pieces.hold(html) : new nunjucks.runtime.SafeString(html);
    });
  }
}
