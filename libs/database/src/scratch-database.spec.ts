import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createScratchDatabase } from './scratch-database';

describe('a scratch SQLite database', () => {
  it('makes the parent folder it is asked to go in, then its own folder inside, which drop removes', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scratch-parent-'));
    const parentDir = path.join(root, 'not', 'there', 'yet');
    try {
      const db = await createScratchDatabase('sqlite', { label: 'parent check', postgresAdminUrl: 'unused', parentDir });
      expect(path.dirname(db.dataDir)).toBe(parentDir);
      expect(fs.statSync(db.dataDir).isDirectory()).toBe(true);
      await db.drop();
      expect(fs.existsSync(db.dataDir)).toBe(false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
