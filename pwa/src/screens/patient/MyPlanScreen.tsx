import { readPlan } from '../../api/careplan';
import type { CarePlan, Condition, Zone, ZoneName } from '../../api/types';
import { GoalSummary } from '../../components/GoalSummary';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { formatDateTime, formatDay, localDay } from '../../format/dates';
import { describeSchedule } from '../../format/schedule';
import { useI18n } from '../../i18n/I18nProvider';
import { roleLabel } from '../../i18n/labels';
import { hrefFor } from '../../navigation';
import { cacheKeys } from '../../offline/cache-keys';
import { useRead } from '../../offline/use-read';
import { whoToCall } from '../../plan/who-to-call';

const ZONES: readonly ZoneName[] = ['green', 'amber', 'red'];

function Words({ text }: { text: string }) {
  const { t } = useI18n();
  if (text.trim() === '') return <p class="app-secondary-text">{t('plan.notWritten')}</p>;
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index} class="app-preserve-lines">
          {paragraph}
        </p>
      ))}
    </>
  );
}

function ZonePanel({ name, zone }: { name: ZoneName; zone: Zone | undefined }) {
  const { t } = useI18n();
  const signs = zone?.signs ?? [];
  const whatToDo = zone?.what_to_do ?? [];
  if (signs.length === 0 && whatToDo.length === 0 && !zone?.who_to_call) return null;
  return (
    <div class={`app-zone app-zone--${name}`}>
      <h4 class="nhsuk-heading-s app-zone__heading">{t(`plan.zone.${name}`)}</h4>
      {signs.length > 0 && (
        <>
          <p class="app-zone__label">{t('plan.signs')}</p>
          <ul>
            {signs.map((sign, i) => (
              <li key={i}>{sign}</li>
            ))}
          </ul>
        </>
      )}
      {whatToDo.length > 0 && (
        <>
          <p class="app-zone__label">{t('plan.whatToDo')}</p>
          <ul>
            {whatToDo.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ul>
        </>
      )}
      {zone?.who_to_call && <p>{t('plan.whoToCall', { who: zone.who_to_call })}</p>}
    </div>
  );
}

function ConditionPlan({ condition }: { condition: Condition }) {
  const { t } = useI18n();
  const hasPlan = ZONES.some((name) => {
    const zone = condition.if_worse?.[name];
    return zone && ((zone.signs?.length ?? 0) > 0 || (zone.what_to_do?.length ?? 0) > 0 || zone.who_to_call);
  });
  return (
    <section class="app-condition" aria-labelledby={`condition-${condition.id}`}>
      <h3 class="nhsuk-heading-m" id={`condition-${condition.id}`}>
        {condition.display}
      </h3>
      {hasPlan ? (
        <>
          <p class="nhsuk-body-s app-no-print">{t('plan.ifWorse')}</p>
          <div class="app-condition__zones">
            {ZONES.map((name) => (
              <ZonePanel key={name} name={name} zone={condition.if_worse?.[name]} />
            ))}
          </div>
        </>
      ) : (
        <p class="app-secondary-text">{t('plan.noWorsePlan')}</p>
      )}
    </section>
  );
}

/**
 * The plan. On screen, one column; printed (styles/_print.scss), one page: the person's own
 * words and their contacts side by side, the "if I get worse" zones in three columns, then
 * goals beside actions and support.
 */
function PlanDocument({ plan }: { plan: CarePlan }) {
  const { t, language } = useI18n();
  const calls = whoToCall(plan.conditions);
  return (
    <div class="app-plan">
      <section class="app-plan__matters" aria-labelledby="what-matters">
        <h2 id="what-matters">{t('plan.whatMatters')}</h2>
        <Words text={plan.what_matters} />
      </section>
      <section class="app-plan__about" aria-labelledby="about-me">
        <h2 id="about-me">{t('plan.aboutMe')}</h2>
        <Words text={plan.about_me} />
      </section>

      <section class="app-plan__review" aria-labelledby="review-date">
        <h2 id="review-date">{t('plan.reviewDate')}</h2>
        <p>{plan.review_date ? formatDay(plan.review_date, language) : t('plan.noReviewDate')}</p>
      </section>

      <section class="app-plan__conditions" aria-labelledby="conditions">
        <h2 id="conditions">{t('plan.conditions')}</h2>
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">{t('offline.information')} </span>
          <p>{t('plan.emergency')}</p>
        </div>
        {plan.conditions.length === 0 && <p class="app-secondary-text">{t('plan.noConditions')}</p>}
        {plan.conditions.map((condition) => (
          <ConditionPlan key={condition.id} condition={condition} />
        ))}
      </section>

      <section class="app-plan__goals" aria-labelledby="plan-goals">
        <h2 id="plan-goals">{t('plan.goals')}</h2>
        {plan.goals.length === 0 ? (
          <p class="app-secondary-text">{t('goals.none')}</p>
        ) : (
          <ul class="app-divided-list">
            {plan.goals.map((goal) => (
              <li key={goal.id}>
                <GoalSummary goal={goal} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="app-plan__actions" aria-labelledby="plan-actions">
        <h2 id="plan-actions">{t('plan.actions')}</h2>
        {plan.actions.length === 0 ? (
          <p class="app-secondary-text">{t('plan.noActions')}</p>
        ) : (
          <ul class="nhsuk-list nhsuk-list--bullet">
            {plan.actions.map((action) => (
              <li key={action.id}>
                <strong>{action.what}</strong> – {describeSchedule(action, t, language)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="app-plan__team" aria-labelledby="care-team">
        <h2 id="care-team">{t('plan.careTeam')}</h2>
        {plan.care_team.length === 0 ? (
          <p class="app-secondary-text">{t('plan.noCareTeam')}</p>
        ) : (
          <dl class="nhsuk-summary-list">
            {plan.care_team.map((member) => (
              <div class="nhsuk-summary-list__row" key={`${member.clinician_id}-${member.team_role}`}>
                <dt class="nhsuk-summary-list__key">{t(`plan.teamRole.${member.team_role}`)}</dt>
                <dd class="nhsuk-summary-list__value">
                  {member.display_name}
                  <br />
                  <span class="nhsuk-body-s app-secondary-text">{roleLabel(member.role, t)}</span>
                </dd>
              </div>
            ))}
          </dl>
        )}
        {calls.length > 0 && (
          <>
            <h3 class="nhsuk-heading-s">{t('plan.whoToCallTitle')}</h3>
            <ul class="nhsuk-list nhsuk-list--bullet">
              {calls.map((who) => (
                <li key={who}>{who}</li>
              ))}
            </ul>
          </>
        )}
        <p>{t('plan.messageTeam')}</p>
      </section>

      <section class="app-plan__support" aria-labelledby="support">
        <h2 id="support">{t('plan.support')}</h2>
        {plan.support.length === 0 ? (
          <p class="app-secondary-text">{t('plan.noSupport')}</p>
        ) : (
          <ul class="app-divided-list">
            {plan.support.map((service) => (
              <li key={service.id}>
                <strong>{service.name}</strong> ({t(`plan.supportKind.${service.kind}`)})
                <br />
                {t(`plan.supportStatus.${service.status ?? 'using'}`)}
                {service.how_to_reach && (
                  <>
                    <br />
                    {t('plan.howToReach', { how: service.how_to_reach })}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <p class="nhsuk-body-s app-secondary-text app-plan__footer">
        {plan.updated_at > 0
          ? t('plan.version', { version: plan.version, when: formatDateTime(plan.updated_at, language) })
          : t('plan.notSavedYet')}
      </p>
    </div>
  );
}

/**
 * The whole plan, readable and printable on one page: a patient-held copy for any
 * appointment. A printed copy names whose plan it is and the day it was printed.
 */
export function MyPlanScreen({ patientId, patientName }: { patientId: string; patientName: string }) {
  const { t, language } = useI18n();
  const { state, reload } = useRead(() => readPlan(patientId), [patientId], cacheKeys.plan(patientId));
  return (
    <Page title={t('plan.title')}>
      <h1>{t('plan.title')}</h1>
      <p class="app-print-only">
        {t('plan.printedFor', { name: patientName, date: formatDay(localDay(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone), language) })}
      </p>
      <p class="app-no-print">
        <a href={hrefFor({ name: 'changes', from: 'my-plan' })}>{t('plan.changesLink')}</a>
      </p>
      <button class="nhsuk-button nhsuk-button--secondary app-no-print" type="button" onClick={() => window.print()}>
        {t('plan.print')}
      </button>
      {/* The whole record as FHIR R4, for any other system the person wants to take it to. */}
      <p class="app-no-print">
        <a href={`/api/patients/${encodeURIComponent(patientId)}/fhir`} download="careplan-record.fhir.json">
          {t('plan.downloadRecord')}
        </a>
      </p>
      <ReadView state={state} onRetry={reload}>
        {(plan) => <PlanDocument plan={plan} />}
      </ReadView>
    </Page>
  );
}
