import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { describeError } from './describe-error';
import type { FieldError } from './field-error';

interface Submission {
  /** Problems found before sending; an empty list means send. */
  validate: () => FieldError[];
  send: () => Promise<void>;
  /** The field a server error is linked to from the error summary. */
  serverErrorField: string;
}

/** Validate, send once (a double tap does not send twice), and collect errors for display. */
export function useFormSubmission() {
  const { t } = useI18n();
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const sending = useRef(false);

  const submit = async ({ validate, send, serverErrorField }: Submission) => {
    if (sending.current) return;
    const problems = validate();
    setErrors(problems);
    if (problems.length > 0) return;
    sending.current = true;
    try {
      await send();
    } catch (error) {
      setErrors([{ fieldId: serverErrorField, message: describeError(error, t) }]);
    } finally {
      sending.current = false;
    }
  };

  return { errors, submit };
}
