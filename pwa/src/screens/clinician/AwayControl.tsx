import { useState } from 'preact/hooks';
import { readAway, setAway } from '../../api/inbox';
import { DATE_PROBLEM, isPaused, untilDate } from '../../checkins/pause';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ReadView } from '../../components/ReadView';
import { TextInput } from '../../components/TextInput';
import { formatDateTime } from '../../format/dates';
import { errorFor } from '../../forms/field-error';
import { useFormSubmission } from '../../forms/use-form-submission';
import { useI18n } from '../../i18n/I18nProvider';
import { useRead } from '../../offline/use-read';

const FIELD = 'away-until';

/** "I'm away until": while away, the clinician's patients' new items go to the team. */
export function AwayControl({ onChanged }: { onChanged: () => void }) {
  const { t, language } = useI18n();
  const { state, reload, replace } = useRead(readAway, []);
  const [date, setDate] = useState('');
  const [status, setStatus] = useState('');
  const { errors, submit } = useFormSubmission();

  const apply = async (until: number | null) => {
    const away = await setAway(until);
    replace(away);
    const moved = away.items_moved_to_team ?? 0;
    setStatus(
      until === null
        ? t('away.back')
        : `${t('away.set', { when: formatDateTime(until, language) })}${moved > 0 ? ` ${t('away.moved', { count: moved })}` : ''}`,
    );
    setDate('');
    onChanged();
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setStatus('');
    const checked = untilDate(date, Date.now());
    void submit({
      serverErrorField: FIELD,
      validate: () => (checked.ok ? [] : [{ fieldId: FIELD, message: t(DATE_PROBLEM[checked.problem]) }]),
      send: () => apply(checked.ok ? checked.until : null),
    });
  };

  const comeBack = () => {
    setStatus('');
    void submit({ serverErrorField: FIELD, validate: () => [], send: () => apply(null) });
  };

  return (
    <section class="app-away" aria-labelledby="away-title">
      <h2 class="nhsuk-heading-s" id="away-title">
        {t('away.title')}
      </h2>
      <ReadView state={state} onRetry={reload}>
        {(away) =>
          isPaused(away.away_until, Date.now()) ? (
            <>
              <p>{t('away.until', { when: formatDateTime(away.away_until!, language) })}</p>
              <ErrorSummary errors={errors} />
              <button class="nhsuk-button nhsuk-button--secondary" type="button" id={FIELD} onClick={comeBack}>
                {t('away.backButton')}
              </button>
            </>
          ) : (
            <form onSubmit={onSubmit} novalidate>
              <ErrorSummary errors={errors} />
              <TextInput
                id={FIELD}
                type="date"
                label={t('away.label')}
                hint={t('away.hint')}
                error={errorFor(errors, FIELD)}
                value={date}
                onInput={(event) => setDate(event.currentTarget.value)}
              />
              <button class="nhsuk-button nhsuk-button--secondary" type="submit">
                {t('away.submit')}
              </button>
            </form>
          )
        }
      </ReadView>
      <p role="status" class="app-status app-confirmation">
        {status}
      </p>
    </section>
  );
}
