import { Page } from 'playwright-core';
import { describeInBrowser, journey, signIn, useDemoBrowser, visit } from './web-harness';

jest.setTimeout(120_000);

const WIDTHS = [320, 1280];

/** How far the page scrolls sideways (0 when it fits), and the interactive targets in the page smaller than 24 by 24 px. */
async function measure(page: Page) {
  return page.evaluate<{ overflow: number; small: string[] }>(`(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    // WCAG 2.2 target size (minimum): a link inside a sentence is excepted; a link or control standing alone is not.
    const inSentence = (el) => el.tagName === 'A' && [...el.parentElement.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const small = [...document.querySelectorAll('main a, main button, main input:not([type=hidden]), main select, main summary')]
      .filter((el) => el.getClientRects().length && !inSentence(el))
      .filter((el) => { const r = el.getBoundingClientRect(); return r.width < 24 || r.height < 24; })
      .map((el) => (el.textContent.trim() || el.getAttribute('name') || el.tagName) + ' ' + Math.round(el.getBoundingClientRect().width) + 'x' + Math.round(el.getBoundingClientRect().height));
    return { overflow, small };
  })()`);
}

describeInBrowser('web: pages fit a narrow screen, with targets big enough to press', () => {
  const web = useDemoBrowser({ timeout: 90_000 });

  const people: [string, (page: Page) => Promise<string[]>][] = [
    [
      'admin@demo.example',
      async (page) => {
        await visit(page, `/plans/${web.world.planId}`);
        const action = await page.locator('main table a[href^="/actions/"]').first().getAttribute('href');
        return [
          '/',
          '/plans',
          `/plans/${web.world.planId}`,
          `/plans/${web.world.planId}?rag=red&overdue=yes`,
          action!,
          '/admin',
          '/admin/users',
          '/notifications',
          '/settings/notifications',
          '/import',
        ];
      },
    ],
    ['manager@demo.example', async () => ['/']],
    ['owner@demo.example', async () => ['/']],
  ];

  for (const width of WIDTHS) {
    for (const [email, pagesOf] of people) {
      it(`at ${width} px, ${email}: no sideways scroll of the page, axe clean, every target at least 24 px`, async () => {
        const { page, problems } = await web.tab();
        await page.setViewportSize({ width, height: 900 });
        await journey(
          `narrow-${width}-${email}`,
          () => [page],
          async () => {
            await signIn(page, email, 'demo-password');
            const found: Record<string, { overflow: number; small: string[] }> = {};
            for (const path of await pagesOf(page)) {
              await visit(page, path);
              const m = await measure(page);
              if (m.overflow > 0 || m.small.length) found[path] = m;
            }
            expect(found).toEqual({});
            expect(problems).toEqual([]);
          },
        );
      });
    }
  }
});
