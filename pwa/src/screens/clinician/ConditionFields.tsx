import type { ZoneName } from '../../api/types';
import { Textarea } from '../../components/fields';
import { TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n/I18nProvider';
import { conditionFieldId, ZONE_NAMES, type ConditionForm, type ZoneForm } from '../../plan/plan-form';

/** One condition and its green / amber / red "if I get worse" plan. */
export function ConditionFields({ condition, errorFor, onChange, onRemove }: {
  condition: ConditionForm;
  errorFor: (fieldId: string) => string | undefined;
  onChange: (next: ConditionForm) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = (part: string) => conditionFieldId(condition.id, part);
  const setZone = (name: ZoneName, change: Partial<ZoneForm>) =>
    onChange({ ...condition, zones: { ...condition.zones, [name]: { ...condition.zones[name], ...change } } });
  const name = condition.display.trim() || t('editor.newCondition');

  return (
    <fieldset class="nhsuk-fieldset app-editor-item">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">{name}</legend>
      <TextInput
        id={id('display')}
        label={t('editor.conditionName')}
        error={errorFor(id('display'))}
        maxLength={500}
        value={condition.display}
        onInput={(event) => onChange({ ...condition, display: event.currentTarget.value })}
      />
      <TextInput
        id={id('snomed')}
        label={t('editor.snomed')}
        hint={t('editor.snomedHint')}
        error={errorFor(id('snomed'))}
        inputMode="numeric"
        spellcheck={false}
        width={20}
        value={condition.snomed_code}
        onInput={(event) => onChange({ ...condition, snomed_code: event.currentTarget.value })}
      />
      {ZONE_NAMES.map((zone) => (
        <fieldset class={`nhsuk-fieldset app-zone app-zone--${zone}`} key={zone}>
          <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{t(`plan.zone.${zone}`)}</legend>
          <Textarea
            id={id(`${zone}-signs`)}
            label={t('editor.signs')}
            hint={t('editor.oneOnEachLine')}
            rows={3}
            value={condition.zones[zone].signs}
            onInput={(event) => setZone(zone, { signs: event.currentTarget.value })}
          />
          <Textarea
            id={id(`${zone}-what-to-do`)}
            label={t('editor.whatToDo')}
            hint={t('editor.oneOnEachLine')}
            rows={3}
            value={condition.zones[zone].what_to_do}
            onInput={(event) => setZone(zone, { what_to_do: event.currentTarget.value })}
          />
          <TextInput
            id={id(`${zone}-who`)}
            label={t('editor.whoToCall')}
            maxLength={500}
            value={condition.zones[zone].who_to_call}
            onInput={(event) => setZone(zone, { who_to_call: event.currentTarget.value })}
          />
        </fieldset>
      ))}
      <button class="nhsuk-button nhsuk-button--secondary" type="button" onClick={onRemove}>
        {t('editor.removeCondition')}
        <span class="nhsuk-u-visually-hidden">: {name}</span>
      </button>
    </fieldset>
  );
}
