// The CLI's file helpers (cli/files.ts) and its argument reading (cli/commands/call.ts) where they
// catch: each catches only the failure it means (issue 21).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArg } from '../../cli/commands/call';
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

describe('parseArg', () => {
  it('reads JSON, and takes anything else as the text itself', () => {
    expect(parseArg('{"a":1}')).toEqual({ a: 1 });
    expect(parseArg('2024-W19')).toBe('2024-W19');
    expect(parseArg('')).toBe('');
  });
});
