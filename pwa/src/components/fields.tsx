// NHS.UK form fields (textarea, select, radios, checkboxes) with the label, hint and error
// message wired up for screen readers, like TextInput.
import type { ComponentChildren, JSX } from 'preact';
import { useI18n } from '../i18n/I18nProvider';

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {hint && (
        <div class="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span class="nhsuk-error-message" id={`${id}-error`}>
          <span class="nhsuk-u-visually-hidden">{t('error.messagePrefix')} </span>
          {error}
        </span>
      )}
    </>
  );
}

const groupClass = (error?: string) => `nhsuk-form-group ${error ? 'nhsuk-form-group--error' : ''}`;

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Label styled as a small heading, for a field that leads a section. */
  labelClass?: string;
}

type TextareaAttributes = Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'class' | 'label'>;

export function Textarea({ id, label, hint, error, labelClass, ...textarea }: FieldProps & TextareaAttributes) {
  return (
    <div class={groupClass(error)}>
      <label class={`nhsuk-label ${labelClass ?? ''}`} for={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        rows={4}
        {...textarea}
        id={id}
        name={textarea.name ?? id}
        class={`nhsuk-textarea ${error ? 'nhsuk-textarea--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select({ id, label, hint, error, options, value, onChange }: FieldProps & {
  options: readonly Option[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div class={groupClass(error)}>
      <label class="nhsuk-label" for={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        class={`nhsuk-select ${error ? 'nhsuk-select--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Fieldset({ id, legend, hint, error, children }: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={groupClass(error)}>
      <fieldset class="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

/** One choice from a few. The first item's id is `id`, so the error summary can link to it. */
export function Radios({ id, legend, hint, error, options, value, onChange, inline }: {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: readonly Option[];
  value: string;
  onChange: (value: string) => void;
  inline?: boolean;
}) {
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error}>
      <div class={`nhsuk-radios ${inline ? 'nhsuk-radios--inline' : ''}`}>
        {options.map((option, index) => {
          const itemId = index === 0 ? id : `${id}-${index + 1}`;
          return (
            <div class="nhsuk-radios__item" key={option.value}>
              <input
                class="nhsuk-radios__input"
                id={itemId}
                name={id}
                type="radio"
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
              <label class="nhsuk-label nhsuk-radios__label" for={itemId}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

/** Several choices from a few. */
export function Checkboxes({ id, legend, hint, error, options, values, onChange }: {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: readonly Option[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const toggle = (value: string, checked: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? checked : values.includes(v))));
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error}>
      <div class="nhsuk-checkboxes">
        {options.map((option, index) => {
          const itemId = index === 0 ? id : `${id}-${index + 1}`;
          return (
            <div class="nhsuk-checkboxes__item" key={option.value}>
              <input
                class="nhsuk-checkboxes__input"
                id={itemId}
                name={id}
                type="checkbox"
                value={option.value}
                checked={values.includes(option.value)}
                onChange={(event) => toggle(option.value, event.currentTarget.checked)}
              />
              <label class="nhsuk-label nhsuk-checkboxes__label" for={itemId}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
