import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newAuthority, newBoard, newUser, TEST_PASSWORD, TestUser } from '@app/testing';
import { buildPdf } from '../../libs/importer/test-documents/pdf-builder';
import { document as undatedReport } from '../../libs/importer/test-documents/pdf/local-authority-childrens-services-dunmere-2025';
import { describeInBrowser, settled, signIn, useWebBrowser } from './web-harness';

jest.setTimeout(90_000);

/** What the check below uses of the page's DOM (the tests are compiled without the DOM's types). */
interface InPage {
  document: { querySelector(selector: string): { hidden: boolean; textContent: string | null } | null };
}

const ANNEX = 'The annex sets out the data the inspectors looked at, quarter by quarter, for each of the services they saw. '.repeat(12);

describeInBrowser('web: a long report upload shows its progress', () => {
  let member: TestUser;
  let file: string;
  const web = useWebBrowser(async ({ t }) => {
    const authority = await newAuthority(t);
    member = await newUser(t, authority.id, ['board_member']);
    await newBoard(t, await newUser(t, authority.id, ['board_chair']), [member]);
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-')), 'report.pdf');
    // A report followed by 800 pages of annexes: long enough to read that its progress shows.
    const annexes = Array.from({ length: 800 }, (_, i) => [{ pageBreak: true as const }, { heading: `Annex ${i + 1}` }, { para: ANNEX }]).flat();
    fs.writeFileSync(file, await buildPdf({ ...undatedReport, blocks: [...undatedReport.blocks, ...annexes] }));
  });

  it('while the upload’s answer is awaited, the page says how far the import has gone', async () => {
    const { page, problems } = await web.tab();
    await signIn(page, member.email, TEST_PASSWORD);
    await page.goto('/import');
    await settled(page);
    await page.setInputFiles('#report-file', file);
    // Watched from inside the page: the status line's text once it gives a count out of the whole (read at
    // once, before the next page replaces it). Until the reader has the page count it may say only "Reading…".
    const shown = page.waitForFunction(
      () => {
        const status = (globalThis as unknown as InPage).document.querySelector('[role=status]');
        const text = status && !status.hidden ? status.textContent : null;
        return text && / of /.test(text) ? text : null;
      },
      null,
      { polling: 100, timeout: 30_000 },
    );
    await page.getByRole('button', { name: 'Upload and read the report' }).click({ noWaitAfter: true });
    expect(await (await shown).jsonValue()).toMatch(/^Reading: \d+ of 8\d\d pages read$/);
    await page.waitForURL(/\/import\/[0-9a-f-]{36}\?saved=imported$/, { timeout: 60_000 });
    expect(problems).toEqual([]);
  });
});
