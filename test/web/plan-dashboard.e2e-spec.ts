import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeInBrowser, journey, settled, signIn, useDemoBrowser, visit } from './web-harness';

jest.setTimeout(60_000);

describeInBrowser('web: board members on the plan dashboard and action pages', () => {
  const web = useDemoBrowser();

  it('filters the dashboard, sorts it, and exports exactly the filtered actions to XLSX', async () => {
    const { page, problems } = await web.tab();
    await journey(
      'board-member-dashboard',
      () => [page],
      async () => {
        await signIn(page, 'member@demo.example', 'demo-password');
        await visit(page, '/plans');
        await page.getByRole('link', { name: /improvement plan/ }).click();
        await settled(page);
        expect(await page.locator('svg[role=img] desc').first().textContent()).toMatch(/^Blue: 1, Red: \d+, Amber: \d+, Green: \d+$/);
        // The README's picture: written when missing, or refreshed with UPDATE_SCREENSHOTS=1.
        const picture = path.join(__dirname, '..', '..', 'docs', 'screenshot-dashboard.png');
        if (!fs.existsSync(picture) || process.env.UPDATE_SCREENSHOTS === '1') {
          fs.mkdirSync(path.dirname(picture), { recursive: true });
          await page.setViewportSize({ width: 1100, height: 900 });
          await page.screenshot({ path: picture });
        }

        await page.getByRole('checkbox', { name: 'Red' }).check();
        await page.getByRole('checkbox', { name: 'Amber' }).check();
        await page.getByRole('button', { name: 'Apply filters' }).click();
        await settled(page);
        expect(page.url()).toContain('rag=red&rag=amber');
        const rags = await page.locator('main table:last-of-type tbody tr td:nth-child(7)').allTextContents();
        expect(rags.length).toBeGreaterThan(0);
        expect(rags.every((r) => /Red|Amber/.test(r))).toBe(true);

        await page.getByRole('link', { name: /^Ref/ }).click();
        await settled(page);
        await page.getByRole('link', { name: /^Ref/ }).click();
        await settled(page);
        expect(await page.locator('th[aria-sort=descending]').textContent()).toContain('Ref');
        const refs = await page.locator('main table:last-of-type tbody tr td:first-child').allTextContents();
        expect(refs.map((r) => Number(r.slice(1)))).toEqual([...refs.map((r) => Number(r.slice(1)))].sort((a, b) => b - a));

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download these actions/ }).click()]);
        expect(download.suggestedFilename()).toMatch(/^safeguarding-.*-actions-2026-11-23\.xlsx$/);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
        const sheet = book.getWorksheet('Actions')!;
        const exported = sheet
          .getSheetValues()
          .slice(2)
          .map((row) => (row as ExcelJS.CellValue[]).slice(1));
        expect(exported.map((r) => r[0])).toEqual(refs);
        expect(exported.every((r) => ['Red', 'Amber'].includes(String(r[3])))).toBe(true);
        expect(exported[0][8]).toBeInstanceOf(Date);
        expect(book.getWorksheet('About')!.getCell('B3').value).toBe('RAG: Red or Amber');
        expect(problems).toEqual([]);
      },
    );
  });

  it('refuses the second of two people editing one action, shows what changed, and lets them redo their change', async () => {
    const first = await web.tab();
    const second = await web.tab();
    await journey(
      'two-editors-conflict',
      () => [first.page, second.page],
      async () => {
        await signIn(first.page, 'member@demo.example', 'demo-password');
        await signIn(second.page, 'manager@demo.example', 'demo-password');
        await visit(first.page, `/plans/${web.world.planId}?status=not_started&sort=ref`);
        const href = (await first.page.locator('main table:last-of-type tbody tr a').first().getAttribute('href'))!;
        await visit(first.page, href);
        await visit(second.page, href);

        await first.page.getByLabel('Amber').check();
        await first.page.getByLabel('Reason for setting the rating yourself').fill('Key worker on long-term leave');
        await first.page.getByRole('button', { name: 'Save RAG rating' }).click();
        await settled(first.page);
        expect(await first.page.getByText('The RAG rating has been saved.').count()).toBe(1);

        await second.page.getByLabel('In progress').check();
        await second.page.getByRole('button', { name: 'Save status' }).click();
        await settled(second.page);
        expect(await second.page.locator('.govuk-error-summary').textContent()).toContain('Someone else changed this action after you opened it');
        const changed = await second.page.locator('#conflict table').textContent();
        expect(changed).toMatch(/RAG set by a person\s*none\s*Amber/);
        expect(changed).toContain('Key worker on long-term leave');
        expect(await second.page.locator('#conflict').textContent()).toContain('Sam Okafor');
        expect(await second.page.getByLabel('In progress').isChecked()).toBe(true);

        await second.page.getByRole('button', { name: 'Save status' }).click();
        await settled(second.page);
        expect(await second.page.getByText('The status has been changed.').count()).toBe(1);
        const summary = await second.page.locator('.govuk-summary-list').textContent();
        expect(summary).toContain('In progress');
        expect(summary).toContain('Key worker on long-term leave');
        expect([...first.problems, ...second.problems]).toEqual([]);
      },
    );
  });
});
