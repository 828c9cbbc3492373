// The CLI's file helpers (cli/files.ts) where they catch: only the failure they mean (issue 21).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sameFile } from '../../cli/files';

describe('sameFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-files-'));
  const a = path.join(dir, 'a.json');
  fs.writeFileSync(a, '{}');

  it('one path, or two names of one file (a hard link), are the same file', () => {
    expect(sameFile(a, path.join(dir, '.', 'a.json'))).toBe(true);
    const link = path.join(dir, 'link.json');
    fs.linkSync(a, link);
    expect(sameFile(link, a)).toBe(true);
  });

  it('a file that does not exist yet is not the workbook', () => {
    expect(sameFile(path.join(dir, 'new.xlsx'), a)).toBe(false);
    expect(sameFile(path.join(a, 'under-a-file.xlsx'), a)).toBe(false);
  });
});
