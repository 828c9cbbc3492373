// Calling an entry point from the CLI (cli/commands/call.ts): how an argument is read.
import { parseArg } from '../../cli/commands/call';

describe('parseArg', () => {
  it('reads JSON, and takes anything else as the text itself', () => {
    expect(parseArg('{"a":1}')).toEqual({ a: 1 });
    expect(parseArg('2024-W19')).toBe('2024-W19');
    expect(parseArg('')).toBe('');
  });
});
