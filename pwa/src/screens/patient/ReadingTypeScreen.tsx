import { useEffect, useState } from 'preact/hooks';
import { readReadings, readReadingTypes, readSeries } from '../../api/careplan';
import type { ReadingTypeInfo } from '../../api/types';
import { describeActor } from '../../carers/attribution';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Textarea } from '../../components/fields';
import { lazy } from '../../components/lazy';
import { Page } from '../../components/Page';
import { ReadFailed, ReadView } from '../../components/ReadView';
import { NO_TYPED_READING, ReadingValueInputs } from '../../components/ReadingValueInputs';
import { LoadingScreen } from '../LoadingScreen';
import { formatDateTime } from '../../format/dates';
import { checkReading, formatReading } from '../../format/readings';
import type { FieldError } from '../../forms/field-error';
import { readingFieldErrors } from '../../forms/reading-problem';
import { useI18n } from '../../i18n/I18nProvider';
import { readingTypeLabel } from '../../i18n/labels';
import { hrefFor } from '../../navigation';
import { cacheKeys } from '../../offline/cache-keys';
import { recordReadingMutation } from '../../offline/mutations';
import { onSaved, queueMutation, useOutbox } from '../../offline/outbox-runtime';
import { useRead } from '../../offline/use-read';
import { readingRows, type ReadingRow } from '../../plan/reading-rows';

const ReadingChart = lazy(() => import('../../charts/ReadingChart').then((m) => m.default));

const CHART_DAYS = 90;
const DAY_MS = 86_400_000;

function ReadingForm({ patientId, info }: { patientId: string; info: ReadingTypeInfo }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(NO_TYPED_READING);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState('');

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSaved('');
    const checked = checkReading(info, typed);
    if (!checked.ok) {
      setErrors(readingFieldErrors(checked.problems, info, 'reading', t));
      return;
    }
    setErrors([]);
    const now = Date.now();
    const queued = await queueMutation(
      recordReadingMutation(
        patientId,
        {
          reading_type: info.reading_type,
          value: checked.value,
          value2: checked.value2,
          unit: info.unit,
          taken_at: now,
          note: note.trim() === '' ? null : note.trim(),
        },
        now,
      ),
    );
    if (!queued) return; // the outbox status says it could not be kept
    setSaved(t('readings.saved', { value: formatReading(checked.value, checked.value2, info.unit) }));
    setTyped(NO_TYPED_READING);
    setNote('');
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} novalidate>
      <h2 class="nhsuk-heading-m">{t('readings.addTitle')}</h2>
      <ErrorSummary errors={errors} />
      <ReadingValueInputs info={info} idPrefix="reading" typed={typed} onType={setTyped} errors={errors} hintWholeNumbers />
      <Textarea
        id="reading-note"
        label={t('readings.noteLabel')}
        rows={2}
        maxLength={500}
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <button class="nhsuk-button" type="submit">
        {t('readings.save')}
      </button>
      <p role="status" class="app-status app-confirmation">
        {saved}
      </p>
    </form>
  );
}

function Trend({ patientId, info, generation }: { patientId: string; info: ReadingTypeInfo; generation: number }) {
  const { t } = useI18n();
  const type = info.reading_type;
  const { state, reload } = useRead(
    () => {
      const end = Date.now();
      return readSeries(patientId, type, end - CHART_DAYS * DAY_MS, end);
    },
    [patientId, type, generation],
    cacheKeys.series(patientId, type),
  );
  return (
    <section aria-labelledby="trend-title">
      <h2 class="nhsuk-heading-m" id="trend-title">
        {t('readings.chartTitle', { days: CHART_DAYS })}
      </h2>
      <ReadView state={state} onRetry={reload}>
        {(series) =>
          series.points.length === 0 ? (
            <p>{t('readings.chartEmpty', { days: CHART_DAYS })}</p>
          ) : (
            <figure class="app-figure">
              <figcaption class="nhsuk-body-s">
                {t('readings.chartCaption', { type: readingTypeLabel(info, t), unit: series.unit })}
                {series.aggregated === 'daily' && ` ${t('readings.dailyAverage')}`}
              </figcaption>
              <ReadingChart series={series} labels={{ first: t('readings.top'), second: t('readings.bottom') }} />
            </figure>
          )
        }
      </ReadView>
    </section>
  );
}

function ReadingsTable({ rows, unit }: { rows: readonly ReadingRow[]; unit: string }) {
  const { t, language } = useI18n();
  return (
    <table class="nhsuk-table app-readings-table">
      <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">{t('readings.recentTitle')}</caption>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          <th class="nhsuk-table__header" scope="col">
            {t('readings.when')}
          </th>
          <th class="nhsuk-table__header" scope="col">
            {t('readings.reading')}
          </th>
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        {rows.map((row) => (
          <tr class="nhsuk-table__row" key={row.id}>
            <td class="nhsuk-table__cell">{formatDateTime(row.taken_at, language)}</td>
            <td class="nhsuk-table__cell">
              {formatReading(row.value, row.value2, unit)}
              {row.waiting && (
                <>
                  {' '}
                  <strong class="nhsuk-tag nhsuk-tag--yellow">{t('readings.waiting')}</strong>
                </>
              )}
              {row.note && <div class="nhsuk-body-s app-secondary-text">{row.note}</div>}
              {row.by && <div class="nhsuk-body-s app-secondary-text">{t('readings.addedBy', { who: describeActor(row.by, t) })}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Recent readings: the server's, and this device's own even when the server's cannot be read. */
function RecentReadings({ patientId, info, generation }: { patientId: string; info: ReadingTypeInfo; generation: number }) {
  const { t } = useI18n();
  const { queued, sent } = useOutbox();
  const type = info.reading_type;
  const { state, reload } = useRead(
    () => readReadings(patientId, type),
    [patientId, type, generation],
    cacheKeys.readings(patientId, type),
  );
  const rows = readingRows(state.status === 'ready' ? state.data.items : [], queued, sent, patientId, type);
  return (
    <section aria-labelledby="recent-title">
      <h2 class="nhsuk-heading-m" id="recent-title">
        {t('readings.recentTitle')}
      </h2>
      {state.status === 'failed' && <ReadFailed error={state.error} onRetry={reload} />}
      {state.status === 'loading' && rows.length === 0 && <LoadingScreen />}
      {rows.length > 0 && <ReadingsTable rows={rows} unit={info.unit} />}
      {rows.length === 0 && state.status === 'ready' && <p>{t('readings.none')}</p>}
    </section>
  );
}

/**
 * One reading type: add a reading (offline too; not for a carer without that scope), the trend
 * chart, and recent readings.
 */
export function ReadingTypeScreen({ patientId, readingType, canLog = true }: {
  patientId: string;
  readingType: string;
  canLog?: boolean;
}) {
  const { t } = useI18n();
  const { state, reload } = useRead(readReadingTypes, [], cacheKeys.readingTypes());
  // Ask again for the chart and list once the server has stored a reading of this type.
  const [generation, setGeneration] = useState(0);
  useEffect(
    () =>
      onSaved((saved) => {
        if (saved.some((m) => m.kind === 'record_reading' && m.patient_id === patientId && m.data.reading_type === readingType)) {
          setGeneration((n) => n + 1);
        }
      }),
    [patientId, readingType],
  );

  const info = state.status === 'ready' ? state.data.find((type) => type.reading_type === readingType) : undefined;
  const title = info ? readingTypeLabel(info, t) : t('readings.title');
  return (
    <Page title={title}>
      <BackLink href={hrefFor({ name: 'readings' })} />
      <h1>{title}</h1>
      <ReadView state={state} onRetry={reload}>
        {() =>
          info ? (
            <>
              {canLog && <ReadingForm patientId={patientId} info={info} />}
              <Trend patientId={patientId} info={info} generation={generation} />
              <RecentReadings patientId={patientId} info={info} generation={generation} />
            </>
          ) : (
            <p>{t('readings.unknownType')}</p>
          )
        }
      </ReadView>
    </Page>
  );
}
