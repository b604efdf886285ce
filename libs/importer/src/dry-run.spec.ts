import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDryRun, toDryRunJson } from './dry-run';
import { ImportError } from './import-error';
import { parseReport } from './parse-report';

const paper = readFileSync(resolve(__dirname, '../test-documents/figures/performance-paper-ashcombe-2015.txt'), 'utf8');

describe('a dry run', () => {
  it('reads a performance paper that has figures but no findings, with the layout diagnosis', () => {
    const json = toDryRunJson(readDryRun(paper)) as { findings: unknown[]; layout: { lookedFor: string[] } | null; measures: unknown[] };
    expect(json.findings).toEqual([]);
    expect(json.layout?.lookedFor.length).toBeGreaterThan(0);
    expect(json.measures).toContainEqual(expect.objectContaining({ name: 'Children in care', value: 412 }));
  });

  it('still refuses, as storing does, a document with neither findings nor figures', () => {
    expect(() => readDryRun('Minutes of the parks committee\nMatters arising\nNone were raised.\n')).toThrow(ImportError);
  });

  it('leaves storing refusing a paper without findings', () => {
    expect(() => parseReport(paper)).toThrow(expect.objectContaining({ code: 'no_findings' }));
  });
});
