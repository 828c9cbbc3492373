// Utilities.computeHmacSha256Signature and the web-safe base64 pair (reference/utilities/utilities),
// and where document properties exist: the link signing of issue 18 rests on these.
import { createLocalRuntime } from '../../../runtime';
import { LocalUtilities } from '../../../runtime/services/utilities';
import { testContext } from './helpers';

const { ctx, executions } = testContext();
const U = new LocalUtilities(ctx, executions);
const hex = (bytes: number[]) => Buffer.from(bytes.map((b) => b & 0xff)).toString('hex');

describe('Utilities.computeHmacSha256Signature', () => {
  it('signs strings as UTF-8 (RFC 4231 test case 2), bytes signed like Java', () => {
    const sig = U.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe');
    expect(hex(sig)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(sig).toHaveLength(32);
    expect(sig.every((b) => b >= -128 && b <= 127)).toBe(true);
  });

  it('signs byte arrays, the same bytes giving the same signature as the string', () => {
    const bytes = (s: string) => Array.from(Buffer.from(s)).map((b) => (b > 127 ? b - 256 : b));
    expect(U.computeHmacSha256Signature(bytes('工单'), bytes('密钥'))).toEqual(U.computeHmacSha256Signature('工单', '密钥'));
  });

  it('refuses a string mixed with bytes (no overload takes them) and a missing key', () => {
    expect(() => U.computeHmacSha256Signature('x', [1, 2])).toThrow(/match the method signature/);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a call with the key missing, which the typings cannot express: Google refuses it
    expect(() => (U.computeHmacSha256Signature as any)('x')).toThrow(/Invalid argument/);
  });
});

describe('web-safe base64', () => {
  it("uses '-' and '_' and keeps the '=' padding", () => {
    expect(U.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(U.base64Encode([-5, -1])).toBe('+/8=');
    expect(U.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
  });

  it('refuses the standard alphabet when decoding web-safe text', () => {
    expect(() => U.base64DecodeWebSafe('+/8=')).toThrow(/Invalid argument/);
  });

  it('base64Decode refuses text that is not base-64 (utilities#base64decodeencoded: "Decodes a base-64 encoded string"), where Node would skip it', () => {
    expect(U.base64Decode('+/8=')).toEqual([-5, -1]);
    for (const bad of ['!!!', 'YW I=', '-_8=', 'YWI===']) expect(() => U.base64Decode(bad)).toThrow(/Invalid argument/);
  });
});

describe('document properties in a web app', () => {
  it("exist for a bound script's web app, and are null in an add-on's (no document)", () => {
    const bound = createLocalRuntime({ now: Date.UTC(2024, 4, 1), bundle: false });
    const addon = createLocalRuntime({ now: Date.UTC(2024, 4, 1), bundle: false, addonMode: true });
    const inWebRequest = (rt: ReturnType<typeof createLocalRuntime>) => {
      (rt as unknown as { webRequest: boolean }).webRequest = true;
      try {
        return rt.services.PropertiesService.getDocumentProperties();
      } finally {
        (rt as unknown as { webRequest: boolean }).webRequest = false;
      }
    };
    expect(inWebRequest(bound)).not.toBeNull();
    expect(inWebRequest(addon)).toBeNull();
    expect(addon.services.PropertiesService.getDocumentProperties()).not.toBeNull();
  });
});

describe('Utilities.Charset, DigestAlgorithm and base64EncodeWebSafe (developers.google.com/apps-script/reference/utilities/utilities#base64encodewebsafedata,-charset)', () => {
  it('the enums are the page\'s: Charset US_ASCII, UTF_8; DigestAlgorithm MD2 … SHA_512', () => {
    expect(Object.keys(U.Charset)).toEqual(['US_ASCII', 'UTF_8']);
    expect(Object.keys(U.DigestAlgorithm)).toEqual(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
  });

  it('US_ASCII writes ? for a character it cannot encode, as Java does (it wrote Latin-1 bytes); another charset is refused', () => {
    expect(U.base64EncodeWebSafe('é?', U.Charset.US_ASCII)).toBe(Buffer.from('??').toString('base64'));
    expect(U.base64Encode('工', U.Charset.US_ASCII)).toBe(Buffer.from('?').toString('base64'));
    expect(U.base64EncodeWebSafe('工单', U.Charset.UTF_8)).toBe(U.base64EncodeWebSafe('工单'));
    expect(hex(U.computeDigest(U.DigestAlgorithm.MD5, 'é', U.Charset.US_ASCII))).toBe(hex(U.computeDigest(U.DigestAlgorithm.MD5, '?')));
    expect(() => U.base64EncodeWebSafe('x', 'UTF_16' as never)).toThrow('Invalid argument: charset');
  });

  it('base64EncodeWebSafe takes bytes too and keeps the = padding', () => {
    expect(U.base64EncodeWebSafe([-5, -1, 0x3e] as never)).toBe('-_8-');
    expect(U.base64EncodeWebSafe('a')).toBe('YQ==');
  });
});
