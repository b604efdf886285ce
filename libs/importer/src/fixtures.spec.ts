import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toImportJson } from './import-json';
import { parseReport } from './parse-report';

/**
 * The real reports in ../shared/fixtures (beside the repository, not in it). A clean clone
 * without them skips this suite.
 */
const FIXTURES = resolve(__dirname, '../../../../shared/fixtures/reports');
const present = existsSync(FIXTURES);
const names = present
  ? readdirSync(FIXTURES)
      .filter((name) => name.endsWith('.expected.json'))
      .map((name) => name.replace(/\.expected\.json$/, ''))
  : [];

type Json = Record<string, unknown>;

(present ? describe : describe.skip)('the fixture reports', () => {
  it.each(names)('%s matches its answer key in every keyed field', (name) => {
    const key = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Json;
    const actual = toImportJson(parseReport(readFileSync(join(FIXTURES, `${name}.txt`), 'utf8'))) as Json;
    for (const field of Object.keys(key)) {
      if (field === 'findings' || field === 'judgements') continue;
      expect({ [field]: actual[field] }).toEqual({ [field]: key[field] });
    }
    expect(pickKeyed(actual.findings as Json[], key.findings as Json[])).toEqual(key.findings);
    if (key.judgements) expect(pickKeyed(actual.judgements as Json[], key.judgements as Json[])).toEqual(key.judgements);
  });

  it.each([
    ['004_735c21f47ab912a3', 32],
    ['000_e2f644057def782b', 14],
    ['001_fd21dde97630da57', 5],
  ])('%s has %i findings', (name, count) => {
    expect(parseReport(readFileSync(join(FIXTURES, `${name}.txt`), 'utf8')).findings).toHaveLength(count as number);
  });
});

/** Each actual entry cut down to the fields its key gives. */
function pickKeyed(actual: Json[], keyed: Json[]): Json[] {
  return actual.map((entry, index) => {
    const fields = Object.keys(keyed[index] ?? entry);
    return Object.fromEntries(fields.map((field) => [field, entry[field]]));
  });
}
