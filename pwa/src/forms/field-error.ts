/** One problem with a form, shown in the error summary and next to its field. */
export interface FieldError {
  fieldId: string;
  message: string;
}

export function errorFor(errors: readonly FieldError[], fieldId: string): string | undefined {
  return errors.find((error) => error.fieldId === fieldId)?.message;
}
