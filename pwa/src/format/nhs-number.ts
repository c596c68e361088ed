/** NHS numbers are read in groups of 3, 3 and 4: 999 000 0018. Anything else is left alone. */
export const formatNhsNumber = (digits: string) =>
  /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : digits;
