// google.script.run marshalling (guides/html/reference/run#myFunction: legal parameters; see runtime/client.ts).
import { marshalArgs, marshalResult, IllegalValueError } from '../../runtime/client';

describe('google.script.run arguments', () => {
  test.each([
    { what: 'primitives and null pass', args: [1, 'a', true, null], out: [1, 'a', true, null] },
    { what: 'nested plain objects and arrays are copied', args: [{ a: [1, { b: 'c' }] }], out: [{ a: [1, { b: 'c' }] }] },
    { what: 'undefined in arrays becomes null', args: [[1, undefined, 3]], out: [[1, null, 3]] },
    { what: 'undefined object fields are dropped', args: [{ a: 1, b: undefined }], out: [{ a: 1 }] },
  ])('$what', ({ args, out }) => {
    expect(marshalArgs(args)).toEqual(out);
  });

  test.each([
    { what: 'a Date argument', args: [new Date()], prop: '0' },
    { what: 'a Date inside an object', args: ['x', { when: new Date() }], prop: 'when' },
    { what: 'a function', args: [() => 1], prop: '0' },
    { what: 'a class instance', args: [new Map()], prop: '0' },
  ])('$what fails like Google ("Failed due to illegal value in property: …")', ({ args, prop }) => {
    expect(() => marshalArgs(args)).toThrow(new IllegalValueError(prop).message);
  });

  test('a circular object fails', () => {
    const a: { self?: unknown } = {};
    a.self = a;
    expect(() => marshalArgs([a])).toThrow(IllegalValueError);
  });
});

describe('google.script.run results', () => {
  test.each([
    { what: 'JSON data is copied', v: { a: [1, 'b'] }, out: { a: [1, 'b'] } },
    { what: 'undefined becomes null', v: undefined, out: null },
    { what: 'a Date anywhere turns the whole result into null', v: { ok: true, at: new Date() }, out: null },
  ])('$what', ({ v, out }) => {
    expect(marshalResult(v)).toEqual(out);
  });
});
