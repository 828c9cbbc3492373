// PropertiesService fidelity: reference/properties/properties, quotas from guides/services/quotas.
import { LocalPropertiesService, emptyProperties, VALUE_TOO_LARGE, STORE_FULL } from '../../../runtime/services/properties';
import { testContext } from './helpers';

function props(hasDocument = true) {
  const { ctx } = testContext();
  const data = emptyProperties();
  return { data, svc: new LocalPropertiesService(ctx, () => data, () => hasDocument) };
}

describe('PropertiesService', () => {
  // reference/properties/properties#setpropertykey,-value: values are stored as strings.
  test.each([
    { value: 42, stored: '42' },
    { value: true, stored: 'true' },
    { value: null, stored: 'null' },
    { value: { a: 1 }, stored: '[object Object]' },
  ])('setProperty coerces $value to $stored', ({ value, stored }) => {
    const p = props().svc.getScriptProperties();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a caller passing what the typings forbid: Google coerces it to text, so must the runtime
    p.setProperty('k', value as any);
    expect(p.getProperty('k')).toBe(stored);
  });

  test('getProperty of a missing key is null (reference/properties/properties#getpropertykey)', () => {
    expect(props().svc.getUserProperties().getProperty('nope')).toBeNull();
  });

  test('getProperties() is a copy, "not a live view of the store" (properties#getproperties)', () => {
    const p = props().svc.getScriptProperties();
    p.setProperty('a', '1');
    const copy = p.getProperties();
    copy.a = 'changed';
    copy.b = 'added';
    expect(p.getProperties()).toEqual({ a: '1' });
    p.setProperty('c', '3');
    expect(copy).toEqual({ a: 'changed', b: 'added' });
  });

  test('getDocumentProperties() is null without a document (properties-service#getdocumentproperties)', () => {
    expect(props(false).svc.getDocumentProperties()).toBeNull();
  });

  test('setProperties merges; deleteAllOthers replaces (properties#setpropertiesproperties,-deleteallothers)', () => {
    const p = props().svc.getDocumentProperties();
    p.setProperty('a', '1');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a number where the typings want text: Google stores its text
    p.setProperties({ b: 2 as any });
    expect(p.getProperties()).toEqual({ a: '1', b: '2' });
    p.setProperties({ c: '3' }, true);
    expect(p.getKeys()).toEqual(['c']);
    p.deleteProperty('c');
    p.setProperty('x', 'y').setProperty('z', 'w');
    p.deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
  });

  // guides/services/quotas: "Properties value size 9 KB / val", "Properties total storage 500 KB / property store".
  test.each([
    { what: '9 KB value fits', size: 9 * 1024, error: null },
    { what: '9 KB + 1 byte value refused', size: 9 * 1024 + 1, error: VALUE_TOO_LARGE },
  ])('$what', ({ size, error }) => {
    const p = props().svc.getScriptProperties();
    const act = () => p.setProperty('big', 'x'.repeat(size));
    if (error) expect(act).toThrow(error);
    else expect(act).not.toThrow();
  });

  test('store total over 500 KB refused, store unchanged', () => {
    const { svc, data } = props();
    const p = svc.getScriptProperties();
    for (let i = 0; i < 55; i++) p.setProperty(`k${i}`, 'x'.repeat(9200));
    expect(() => p.setProperty('k55', 'x'.repeat(9200))).toThrow(STORE_FULL);
    expect(Object.keys(data.script)).toHaveLength(55);
  });

  // Same page: the quotas hold for setProperties too, and a refused batch stores none of it
  // (issue 17: settings beyond one value must fail loudly here, as on Google, never be kept).
  test('setProperties with one value over 9 KB is refused whole', () => {
    const { svc, data } = props();
    const p = svc.getDocumentProperties();
    p.setProperty('keep', '1');
    expect(() => p.setProperties({ a: 'x', big: '部'.repeat(3100) })).toThrow(VALUE_TOO_LARGE);
    expect(data.document).toEqual({ keep: '1' });
  });

  test('keys count toward the 500 KB store (UTF-8 bytes of key and value)', () => {
    const { svc } = props();
    const p = svc.getDocumentProperties();
    for (let i = 0; i < 54; i++) p.setProperty(`k${i}`, 'x'.repeat(9200));
    const used = 54 * 9200 + 54 * 3;
    const room = 500 * 1024 - used;
    expect(() => p.setProperty('键'.repeat(Math.ceil(room / 3) + 10), 'y')).toThrow(STORE_FULL);
    expect(() => p.setProperty('键'.repeat(Math.floor(room / 3) - 10), 'y')).not.toThrow();
  });

  test('user stores are per user', () => {
    const { ctx } = testContext();
    const data = emptyProperties();
    const svc = new LocalPropertiesService(ctx, () => data, () => true);
    svc.getUserProperties().setProperty('k', 'a');
    ctx.user = { active: 'b@x', effective: 'b@x' };
    expect(svc.getUserProperties().getProperty('k')).toBeNull();
  });
});
