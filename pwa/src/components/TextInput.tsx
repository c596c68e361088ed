import type { JSX } from 'preact';
import { useI18n } from '../i18n/I18nProvider';

type InputAttributes = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'class' | 'width'>;

interface Props extends InputAttributes {
  id: string;
  label: string;
  /** One question per page: the label is also the page's h1. */
  labelIsPageHeading?: boolean;
  hint?: string;
  error?: string | undefined;
  /** NHS.UK fixed-width class suffix, e.g. 10 for `nhsuk-input--width-10`. */
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
}

/** The NHS.UK text input with its label, hint and error message wired up for screen readers. */
export function TextInput({ id, label, labelIsPageHeading, hint, error, width, ...input }: Props) {
  const { t } = useI18n();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;

  const labelElement = (
    <label class={`nhsuk-label ${labelIsPageHeading ? 'nhsuk-label--l' : ''}`} for={id}>
      {label}
    </label>
  );
  const inputClasses = ['nhsuk-input', width && `nhsuk-input--width-${width}`, error && 'nhsuk-input--error'];

  return (
    <div class={`nhsuk-form-group ${error ? 'nhsuk-form-group--error' : ''}`}>
      {labelIsPageHeading ? <h1 class="nhsuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint && (
        <div class="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <span class="nhsuk-error-message" id={errorId}>
          <span class="nhsuk-u-visually-hidden">{t('error.messagePrefix')} </span>
          {error}
        </span>
      )}
      <input
        {...input}
        id={id}
        name={input.name ?? id}
        class={inputClasses.filter(Boolean).join(' ')}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** A short box for one number typed on a phone: no autocomplete or spellcheck to get in the way. */
export function NumberInput(props: Omit<Props, 'width' | 'autocomplete' | 'spellcheck'>) {
  return <TextInput {...props} autocomplete="off" spellcheck={false} width={5} />;
}
