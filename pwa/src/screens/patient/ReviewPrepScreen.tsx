import { useState } from 'preact/hooks';
import { readReview, readReviews, writeAgenda } from '../../api/careplan';
import type { Review } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Textarea } from '../../components/fields';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { TextInput } from '../../components/TextInput';
import { formatDateTime, formatDay } from '../../format/dates';
import { errorFor } from '../../forms/field-error';
import { useFormSubmission } from '../../forms/use-form-submission';
import { useI18n } from '../../i18n/I18nProvider';
import { isMessageKey } from '../../i18n/translate';
import { hrefFor } from '../../navigation';
import { cacheKeys } from '../../offline/cache-keys';
import { useRead } from '../../offline/use-read';
import { upcomingReview } from '../../plan/reviews';

const MAX_ITEMS = 10;
const BLANK_ITEMS_SHOWN = 3;

function Results({ review }: { review: Review }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('review.results')}</h2>
      {review.results.length === 0 ? (
        <p>{t('review.resultsNone')}</p>
      ) : (
        <ul class="app-card-list">
          {review.results.map((result) => (
            <li class="nhsuk-card" key={result.id}>
              <div class="nhsuk-card__content">
                <h3 class="nhsuk-card__heading nhsuk-heading-s">{result.label}</h3>
                <p class="nhsuk-body-l app-result-value">{result.value}</p>
                <p class="nhsuk-card__description">{result.plain_note}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Prompts({ review }: { review: Review }) {
  const { t } = useI18n();
  if (review.agenda_prompts.length === 0) return null;
  return (
    <section aria-labelledby="prompts-title">
      <h2 id="prompts-title">{t('review.promptsTitle')}</h2>
      <ul class="nhsuk-list nhsuk-list--bullet">
        {review.agenda_prompts.map((prompt) => {
          const key = `review.prompt.${prompt.key}`;
          return <li key={prompt.key}>{isMessageKey(key) ? t(key) : prompt.text}</li>;
        })}
      </ul>
    </section>
  );
}

function AgendaForm({ patientId, review, onSaved }: { patientId: string; review: Review; onSaved: (review: Review) => void }) {
  const { t, language } = useI18n();
  const [items, setItems] = useState<string[]>(() => {
    const written = [...(review.agenda.items ?? [])];
    while (written.length < BLANK_ITEMS_SHOWN) written.push('');
    return written;
  });
  const [other, setOther] = useState(review.agenda.other ?? '');
  const [sent, setSent] = useState('');
  const { errors, submit } = useFormSubmission();

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setSent('');
    void submit({
      serverErrorField: 'agenda-item-1',
      validate: () => [],
      send: async () => {
        const saved = await writeAgenda(patientId, review.id, {
          items: items.map((item) => item.trim()).filter((item) => item !== ''),
          other: other.trim(),
        });
        setSent(t('review.saved'));
        onSaved(saved);
      },
    });
  };

  return (
    <form onSubmit={onSubmit} novalidate aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('review.agendaTitle')}</h2>
      <p>{t('review.agendaLead', { clinician: review.clinician.display_name })}</p>
      <ErrorSummary errors={errors} />
      {items.map((item, index) => (
        <TextInput
          key={index}
          id={`agenda-item-${index + 1}`}
          label={t('review.itemLabel', { number: index + 1 })}
          error={index === 0 ? errorFor(errors, 'agenda-item-1') : undefined}
          maxLength={500}
          value={item}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setItems((now) => now.map((old, i) => (i === index ? value : old)));
          }}
        />
      ))}
      {items.length < MAX_ITEMS && (
        <button class="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => setItems((now) => [...now, ''])}>
          {t('review.addItem')}
        </button>
      )}
      <Textarea
        id="agenda-other"
        label={t('review.otherLabel')}
        rows={4}
        maxLength={2000}
        value={other}
        onInput={(event) => setOther(event.currentTarget.value)}
      />
      <button class="nhsuk-button" type="submit">
        {t('review.save')}
      </button>
      <p role="status" class="app-status app-confirmation">
        {sent}
      </p>
      {review.agenda_updated_at !== null && (
        <p class="nhsuk-body-s app-secondary-text">
          {t('review.lastSaved', { when: formatDateTime(review.agenda_updated_at, language) })}
        </p>
      )}
    </form>
  );
}

function ReviewPrep({ patientId, reviewId }: { patientId: string; reviewId: string }) {
  const { t, language } = useI18n();
  const { state, reload, replace } = useRead(
    () => readReview(patientId, reviewId),
    [patientId, reviewId],
    cacheKeys.review(patientId, reviewId),
  );
  return (
    <ReadView state={state} onRetry={reload}>
      {(review) => (
        <>
          <p class="nhsuk-body-l">
            {t('review.when', { date: formatDay(review.scheduled_for, language), clinician: review.clinician.display_name })}
          </p>
          <Results review={review} />
          <Prompts review={review} />
          <AgendaForm patientId={patientId} review={review} onSaved={replace} />
        </>
      )}
    </ReadView>
  );
}

/** Year of Care preparation: results with plain notes, prompts, and the patient's agenda. */
export function ReviewPrepScreen({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  const { state, reload } = useRead(() => readReviews(patientId), [patientId], cacheKeys.reviews(patientId));
  return (
    <Page title={t('review.title')}>
      <h1>{t('review.title')}</h1>
      <p>
        <a href={hrefFor({ name: 'changes', from: 'review' })}>{t('review.changesLink')}</a>
      </p>
      <ReadView state={state} onRetry={reload}>
        {(reviews) => {
          const next = upcomingReview(reviews);
          return next ? <ReviewPrep patientId={patientId} reviewId={next.id} /> : <p>{t('review.none')}</p>;
        }}
      </ReadView>
    </Page>
  );
}
