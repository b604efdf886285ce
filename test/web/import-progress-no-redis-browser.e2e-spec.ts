import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newAuthority, newBoard, newUser, TEST_PASSWORD, TestUser } from '@app/testing';
import { buildPdf } from '../../libs/importer/test-documents/pdf-builder';
import { document as undatedReport } from '../../libs/importer/test-documents/pdf/local-authority-childrens-services-dunmere-2025';
import { describeInBrowser, settled, signIn, useWebBrowser } from './web-harness';

jest.setTimeout(90_000);

/** What the check below uses of the page (the tests are compiled without the DOM's types). */
interface InPage {
  document: { querySelector(selector: string): { hidden: boolean } | null };
  statusShown(): void;
}

/** Import progress is kept in Redis; with none answering (nothing listens on port 1) the page must work as it does without JavaScript. */
describeInBrowser('web: a report upload while Redis does not answer', () => {
  let member: TestUser;
  let file: string;
  const web = useWebBrowser(
    async ({ t }) => {
      const authority = await newAuthority(t);
      member = await newUser(t, authority.id, ['board_member']);
      await newBoard(t, await newUser(t, authority.id, ['board_chair']), [member]);
      file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-')), 'report.pdf');
      fs.writeFileSync(file, await buildPdf(undatedReport));
    },
    { env: { REDIS_URL: 'redis://127.0.0.1:1' } },
  );

  it('is told the progress is unknown, stops asking, shows no count and still lands on the imported report', async () => {
    const { page, problems } = await web.tab();
    await signIn(page, member.email, TEST_PASSWORD);
    await page.goto('/import');
    await settled(page);
    await page.setInputFiles('#report-file', file);
    // The upload held back three seconds on its way, as a long one would be: a page that kept asking would ask again.
    await page.route('**/import', async (route) => {
      if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    // Each question the page asks for its progress, and the answer it was given.
    const answers: unknown[] = [];
    await page.route('**/api/v1/imports/*/progress', async (route) => {
      const response = await route.fetch();
      answers.push(await response.json());
      await route.fulfill({ response });
    });
    let shown = false;
    await page.exposeFunction('statusShown', () => (shown = true));
    // Watched from inside the page until the next page replaces it: whether the status line is ever shown.
    await page.evaluate(() => {
      const win = globalThis as unknown as InPage;
      const check = () => (win.document.querySelector('[role=status]')?.hidden === false ? win.statusShown() : setTimeout(check, 50));
      check();
    });
    await page.getByRole('button', { name: 'Upload and read the report' }).click({ noWaitAfter: true });
    await page.waitForURL(/\/import\/[0-9a-f-]{36}\?saved=imported$/, { timeout: 60_000 });
    expect(answers).toEqual([expect.objectContaining({ stage: 'unknown', done: null, total: null, unit: null })]);
    expect(shown).toBe(false);
    expect(problems).toEqual([]);
  });
});
