/** The 6 digits of a sign-in code typed with or without spaces or dashes, or null. */
export function normaliseOneTimeCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
