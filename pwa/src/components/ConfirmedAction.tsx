import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';

interface Words {
  action: string; // the button, e.g. "End access"
  title: string; // the question's heading
  warning: string; // what happens
  confirm: string;
  cancel: string;
}

/**
 * A warning button asked twice: the first press shows what will happen and moves focus there
 * (so screen readers hear it); only the second press acts.
 */
export function ConfirmedAction({ name, words, onConfirm }: { name: string; words: Words; onConfirm: () => Promise<void> }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button class="nhsuk-button nhsuk-button--warning" type="button" onClick={() => setConfirming(true)}>
        {words.action}
        <span class="nhsuk-u-visually-hidden">: {name}</span>
      </button>
    );
  }
  return (
    <div class="nhsuk-warning-callout" tabIndex={-1} ref={question}>
      <h4 class="nhsuk-warning-callout__label">
        <span class="nhsuk-u-visually-hidden">{t('outbox.important')} </span>
        {words.title}
      </h4>
      <p>{words.warning}</p>
      <div class="app-button-group">
        <button class="nhsuk-button nhsuk-button--warning" type="button" onClick={() => void onConfirm()}>
          {words.confirm}
        </button>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => setConfirming(false)}>
          {words.cancel}
        </button>
      </div>
    </div>
  );
}
