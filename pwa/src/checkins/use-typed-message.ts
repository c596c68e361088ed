import { useState } from 'preact/hooks';
import { useCheckedSend } from '../forms/use-checked-send';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import { messageText } from './answer';

/** A free-text box to the care team (a message, or a check-in answered in words), checked before it is sent. */
export function useTypedMessage(fieldId: string, missingKey: MessageKey, send: (text: string) => Promise<boolean>) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const { errors, onSubmit } = useCheckedSend(
    () => {
      const checked = messageText(typed);
      if (checked.ok) return { ok: true, value: checked.text };
      return { ok: false, errors: [{ fieldId, message: t(checked.problem === 'missing' ? missingKey : 'messages.errorTooLong') }] };
    },
    send,
    () => setTyped(''),
  );
  return { typed, setTyped, errors, onSubmit };
}
