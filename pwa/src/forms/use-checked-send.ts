import { useState } from 'preact/hooks';
import type { FieldError } from './field-error';

/** What a form's own checks made of what was typed: the value to send, or its problems. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Check what was typed, then send it; the boxes are cleared only once it was kept (`send`
 * resolves true), so nothing typed is lost when the phone could not keep it.
 */
export function useCheckedSend<T>(check: () => Checked<T>, send: (value: T) => Promise<boolean>, clear: () => void) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const checked = check();
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors([]);
    if (await send(checked.value)) clear();
  };
  return { errors, onSubmit };
}
