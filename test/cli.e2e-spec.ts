import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from './support/run-cli';
import { CliError } from '../apps/cli/src/cli-error';
import { createTestDatabase, DB_KINDS, SAMPLE_REPORT, TestDatabase } from '@app/testing';
import { buildPdf } from '../libs/importer/test-documents/pdf-builder';
import { document as undatedReport } from '../libs/importer/test-documents/pdf/local-authority-childrens-services-dunmere-2025';

describe.each(DB_KINDS)('the command line (%s)', (kind) => {
  let db: TestDatabase;
  const saved = { ...process.env };
  let reportFile: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind, { empty: true });
    process.env.DATA_DIR = db.dataDir;
    if (db.config.kind === 'postgres') process.env.DATABASE_URL = db.config.url;
    else delete process.env.DATABASE_URL;
    reportFile = path.join(db.dataDir, 'westmere.txt');
    fs.writeFileSync(reportFile, SAMPLE_REPORT);
  });
  afterAll(async () => {
    process.env = saved;
    await db.drop();
  });

  it('creates an authority and users, reading the password from the environment only', async () => {
    const authority = JSON.parse(await runCli('authorities:create', 'Northshire County Council'));
    expect(authority.slug).toBe('northshire-county-council');
    await expect(runCli('users:create', '--authority', 'northshire-county-council', '--email', 'a@n.test', '--name', 'A', '--roles', 'admin')).rejects.toThrow(
      /IT_PASSWORD/,
    );
    process.env.IT_PASSWORD = 'a long enough password';
    await expect(runCli('users:create', '--authority', authority.slug, '--email', 'a@n.test', '--name', 'A', '--roles', 'admin,king')).rejects.toThrow(
      CliError,
    );
    const manager = JSON.parse(await runCli('users:create', '--authority', authority.slug, '--email', 'boss@n.test', '--name', 'Boss', '--roles', 'manager'));
    const person = JSON.parse(
      await runCli('users:create', '--authority', authority.id, '--email', 'Owner@N.test', '--name', 'Owner', '--roles', 'viewer', '--manager', 'boss@n.test'),
    );
    expect(person).toMatchObject({ email: 'owner@n.test', roles: ['viewer'], managerId: manager.id });
    expect(JSON.stringify(person)).not.toContain('password');
    await expect(runCli('users:create', '--authority', 'nowhere', '--email', 'x@n.test', '--name', 'X', '--roles', 'viewer')).rejects.toThrow(
      /No authority "nowhere"/,
    );
  });

  it('reads a report without storing it, as one JSON document', async () => {
    const out = await runCli('import-report', reportFile, '--dry-run', '--json');
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual([
      'kind',
      'authority',
      'inspectorates',
      'published',
      'inspectionDates',
      'judgements',
      'findings',
      'focusAreas',
      'layout',
      'measures',
    ]);
    expect(parsed.layout).toBeNull();
    expect(parsed.findings.map((f: { timescale: string }) => f.timescale)).toEqual(['immediately', 'three_months', 'three_months', 'six_months']);
  });

  it("reads a performance paper's figures in a dry run though it has no findings, and will not store it", async () => {
    const paper = path.resolve(__dirname, '../libs/importer/test-documents/figures/performance-paper-ashcombe-2015.txt');
    const parsed = JSON.parse(await runCli('import-report', paper, '--dry-run', '--json'));
    expect(parsed.findings).toEqual([]);
    expect(parsed.layout).toMatchObject({ lookedFor: expect.any(Array), found: expect.any(Array) });
    expect(parsed.measures).toContainEqual(expect.objectContaining({ name: 'Children in care', value: 412 }));
    await expect(runCli('import-report', paper, '--authority', 'northshire-county-council')).rejects.toMatchObject({ code: 'no_findings' });
  });

  it('stores a report once and makes a draft plan', async () => {
    await expect(runCli('import-report', reportFile, '--authority', 'northshire-county-council', '--plan')).rejects.toThrow(/Create a board first/);
    const first = JSON.parse(await runCli('import-report', reportFile, '--authority', 'northshire-county-council', '--json'));
    expect(first).toMatchObject({ created: true, findings: 4, plan: null });
    const second = JSON.parse(await runCli('import-report', reportFile, '--authority', 'northshire-county-council', '--json'));
    expect(second).toMatchObject({ created: false, documentId: first.documentId });
  });

  it("asks for the plan's start date when the report gives no publication date, storing nothing", async () => {
    const pdf = path.join(db.dataDir, 'dunmere.pdf');
    fs.writeFileSync(pdf, await buildPdf(undatedReport));
    expect(await runCli('import-report', pdf, '--dry-run')).toContain('no publication date (inspected 2025-01-20 to 2025-01-31), so a plan needs --start-date');
    const asked = runCli('import-report', pdf, '--authority', 'northshire-county-council', '--plan');
    await expect(asked).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/no publication date \(it was inspected from 2025-01-20 to 2025-01-31\).*--start-date/),
    });
    await expect(runCli('import-report', pdf, '--authority', 'northshire-county-council', '--plan', '--start-date', '1 April')).rejects.toMatchObject({
      exitCode: 2,
    });
    // Given a start date it goes on to the next question: which board.
    await expect(runCli('import-report', pdf, '--authority', 'northshire-county-council', '--plan', '--start-date', '2025-04-01')).rejects.toThrow(
      /Create a board first/,
    );
    expect(JSON.parse(await runCli('import-report', pdf, '--authority', 'northshire-county-council', '--json'))).toMatchObject({ created: true, findings: 5 });
  });

  it('refuses files it cannot read, with a message', async () => {
    await expect(runCli('import-report', path.join(db.dataDir, 'missing.txt'), '--dry-run')).rejects.toThrow(/no such file/);
    const empty = path.join(db.dataDir, 'empty.txt');
    fs.writeFileSync(empty, '');
    await expect(runCli('import-report', empty, '--dry-run', '--json')).rejects.toMatchObject({ code: 'empty' });
    const minutes = path.join(db.dataDir, 'minutes.txt');
    fs.writeFileSync(minutes, 'Minutes of the parks committee\nMatters arising\nNone were raised.\n');
    await expect(runCli('import-report', minutes, '--dry-run')).rejects.toMatchObject({
      code: 'no_findings',
      message: expect.stringMatching(
        /layout was not recognised\. The importer looked for sections headed .*; its headings are "Minutes of the parks committee", "Matters arising"/,
      ),
    });
  });

  it('seeds the demo once', async () => {
    await runCli('demo:seed');
    await expect(runCli('demo:seed')).rejects.toThrow(/already exists/);
    expect(await runCli('demo:seed', '--if-empty')).toBe('');
  });
});
