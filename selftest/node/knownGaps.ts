// Cases where the local runtime (or the add-on) does not yet do what Google documents. The case
// keeps Google's expected value; the local run is allowed to fail it, and must: once the fix
// lands, test/selftest/selftest.test.ts fails until the entry is removed here.
export const KNOWN_GAPS: Record<string, string> = {
};
