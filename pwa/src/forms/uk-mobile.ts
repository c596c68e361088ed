// People type UK mobile numbers in many ways: 07700 900101, +44 7700 900101, +44 (0)7700-900101.

/** The number in E.164 form (+447700900101), or null if it is not a UK mobile number. */
export function normaliseUkMobile(input: string): string | null {
  const compact = input.replace(/[\s().-]/g, '');
  const national = compact.replace(/^(?:\+44|0044|44)0?(?=7\d{9}$)/, '0');
  return /^07\d{9}$/.test(national) ? `+44${national.slice(1)}` : null;
}

/** An E.164 UK mobile number the way people write it: 07700 900101. */
export function formatUkMobile(e164: string): string {
  const national = `0${e164.slice(3)}`;
  return `${national.slice(0, 5)} ${national.slice(5)}`;
}
