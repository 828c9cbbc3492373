// How the runtime's Logger and console print a value (runtime/services/logger.ts).
import { show } from '../../../runtime/services/logger';

describe('show', () => {
  it('prints an object as JSON, and one JSON refuses (a cycle, a BigInt) as a string', () => {
    expect(show({ a: 1 })).toBe('{"a":1}');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(show(cyclic)).toBe('[object Object]');
    expect(show({ n: BigInt(1) })).toBe('[object Object]');
  });
});
