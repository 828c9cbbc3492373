// Traditional Chinese folded to simplified (src/domain/hanzi.ts), so that a traditional-Chinese sheet's
// headers and values read as ours (issue 20).
import { foldTraditional } from '../../src/domain/hanzi';

describe('foldTraditional', () => {
  it('every simplified header of ours has a traditional spelling that folds back', () => {
    expect(foldTraditional('問題編號')).toBe('问题编号');
    expect(foldTraditional('Ticket 編號 #1')).toBe('Ticket 编号 #1');
    expect(foldTraditional('plain')).toBe('plain');
  });
});
