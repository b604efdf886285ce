import { DB_KINDS } from '@app/testing/test-database';
import { newCouncil, useMedium } from '@app/testing/medium';
import { DocumentService } from './document.service';

describe.each(DB_KINDS)('DocumentService on a real database (%s)', (kind) => {
  const medium = useMedium(kind);

  async function documentWith(texts: string[]) {
    const council = await newCouncil(medium.ds);
    const findings = texts.map((text) => ({ section: 'Findings', timescale: 'unspecified' as const, text }));
    const { document } = await medium.get(DocumentService).create(council.admin, { title: 'Report', kind: 'unknown', inspectorates: [], findings });
    return { council, document };
  }

  it('merges findings named more than once as if each were named once, and keeps the rest', async () => {
    const { council, document } = await documentWith(['first', 'second', 'third']);
    const [a, b, c] = document.findings;
    const merged = await medium.get(DocumentService).mergeFindings(council.admin, document.id, [a.id, a.id, b.id]);
    expect(merged.text).toBe('first second');
    const after = await medium.get(DocumentService).get(council.authorityId, document.id);
    expect(after.findings.map((f) => [f.id, f.text])).toEqual([
      [a.id, 'first second'],
      [c.id, 'third'],
    ]);
  });

  it('refuses a merge of one finding named twice and changes nothing', async () => {
    const { council, document } = await documentWith(['first', 'second']);
    const [a] = document.findings;
    await expect(medium.get(DocumentService).mergeFindings(council.admin, document.id, [a.id, a.id])).rejects.toMatchObject({ code: 'merge_needs_two' });
    expect((await medium.get(DocumentService).get(council.authorityId, document.id)).findings).toHaveLength(2);
  });
});
