import { describeInBrowser, settled, signIn, useDemoBrowser, visit } from '../web/web-harness';

// A long journey with axe on every page, on a machine shared with other test runs.
jest.setTimeout(180_000);

describeInBrowser('the commissioner reviews the quarter in the browser', () => {
  const web = useDemoBrowser({ timeout: 180_000 }); // 23 November 2026: 2026/27 Q3

  it('opens this quarter’s review from the start page, judges it, adds a follow-up, signs it off and prints it', async () => {
    const { page, problems } = await web.tab();
    await signIn(page, 'commissioner@demo.example', 'demo-password');
    await Promise.all([page.waitForURL(/\/reviews\//), page.getByRole('link', { name: /Judge and sign off the 2026\/27 Q3 review/ }).click()]);
    await settled(page);
    await expectText(page, 'Corrected since last review');
    await expectText(page, 'Looked after children');
    // Each trend chart has its figures as its text alternative.
    expect(await page.locator('svg[role=img] desc').first().textContent()).toMatch(/2026\/27 Q2: 91\.7%/);

    // A judgement without a comment is refused and says what to fix.
    await page.getByLabel('Area').selectOption('Overall');
    await page.getByLabel('Judgement').selectOption({ label: 'Good progress' });
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Record the judgement' }).click()]);
    await settled(page);
    await expectText(page, 'Say why: the comment goes in the review');
    await page.getByLabel('Area').selectOption('Overall');
    await page.getByLabel('Judgement').selectOption({ label: 'Good progress' });
    await page.getByLabel('Comment').fill('Timeliness holds above target; looked after children numbers need a plan.');
    await Promise.all([page.waitForURL(/saved=judged/), page.getByRole('button', { name: 'Record the judgement' }).click()]);
    await settled(page);

    await page.getByLabel('What should be done').fill('Report the placement panel’s review of every plan for return home');
    await page.getByLabel('Owner').selectOption({ label: 'Jo Williams (head of safeguarding)' });
    await page.getByRole('textbox', { name: 'Day' }).fill('15');
    await page.getByRole('textbox', { name: 'Month' }).fill('1');
    await page.getByRole('textbox', { name: 'Year' }).fill('2027');
    await Promise.all([page.waitForURL(/saved=followUp/), page.getByRole('button', { name: 'Add the follow-up' }).click()]);
    await settled(page);
    await expectText(page, 'Report the placement panel’s review of every plan for return home');

    await Promise.all([page.waitForURL(/saved=signed/), page.getByRole('button', { name: 'Sign off the 2026/27 Q3 review' }).click()]);
    await settled(page);
    await expectText(page, 'Signed off');
    expect(await page.getByRole('button', { name: /Record the judgement|Sign off/ }).count()).toBe(0);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Performance measures' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the pack (Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe('review-2026-27-Q3.xlsx');

    await Promise.all([page.waitForURL(/\/paper$/), page.getByRole('link', { name: 'The paper for scrutiny' }).click()]);
    await settled(page);
    await expectText(page, 'Headline performance trends');
    await expectText(page, 'Looked after children: ');
    const [paper] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download it as a Word document' }).click()]);
    expect(paper.suggestedFilename()).toBe('scrutiny-paper-2026-27-Q3.docx');

    await visit(page, '/reviews');
    await expectText(page, 'Earlier reviews');
    expect(problems).toEqual([]);
  });

  it('an admin corrects a value on the measures page; the signed review still shows what was signed', async () => {
    const { page, problems } = await web.tab();
    await signIn(page, 'admin@demo.example', 'demo-password');
    await visit(page, '/measures');
    const fill = async (reason: string) => {
      await page.getByLabel('Measure', { exact: true }).selectOption({ label: 'Assessments completed within 45 days' });
      await page.getByLabel('Period').fill('2026/27 Q2');
      await page.getByLabel('Value', { exact: true }).fill('88.2');
      await page.getByLabel('Reason for a correction').fill(reason);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save the value' }).click()]);
      await settled(page);
    };
    await fill('');
    await expectText(page, 'already has a value for 2026/27 Q2 (91.7): give a reason to correct it');
    await fill('Eleven assessments were closed late in the system');
    await expectText(page, 'The value has been saved.');
    await expectText(page, '88.2% (2026/27 Q2)');

    await visit(page, '/reviews');
    await Promise.all([page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/), page.getByRole('link', { name: /2026\/27 Q2:/ }).click()]);
    await settled(page);
    await expectText(page, 'This is the review exactly as it was signed.');
    expect(await page.locator('svg[role=img] desc').first().textContent()).toMatch(/2026\/27 Q2: 91\.7%/);
    expect(problems).toEqual([]);
  });
});

async function expectText(page: import('playwright-core').Page, text: string) {
  expect(await page.getByText(text, { exact: false }).first().isVisible()).toBe(true);
}
