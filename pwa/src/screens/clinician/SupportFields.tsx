import type { SupportKind, SupportStatus } from '../../api/types';
import { Radios, Select } from '../../components/fields';
import { TextInput } from '../../components/TextInput';
import { capitalise } from '../../format/schedule';
import { useI18n } from '../../i18n/I18nProvider';
import { SUPPORT_KINDS, SUPPORT_STATUSES, supportFieldId, type SupportForm } from '../../plan/plan-form';

/** One support service beyond medicine: what it is, how to reach it, whether the person uses it. */
export function SupportFields({ service, errorFor, onChange, onRemove }: {
  service: SupportForm;
  errorFor: (fieldId: string) => string | undefined;
  onChange: (next: SupportForm) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = (part: string) => supportFieldId(service.id, part);
  const name = service.name.trim() || t('editor.newSupport');

  return (
    <fieldset class="nhsuk-fieldset app-editor-item">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">{name}</legend>
      <TextInput
        id={id('name')}
        label={t('editor.supportName')}
        hint={t('editor.supportNameHint')}
        error={errorFor(id('name'))}
        maxLength={500}
        value={service.name}
        onInput={(event) => onChange({ ...service, name: event.currentTarget.value })}
      />
      <Select
        id={id('kind')}
        label={t('editor.supportKind')}
        options={SUPPORT_KINDS.map((kind) => ({ value: kind, label: capitalise(t(`plan.supportKind.${kind}`)) }))}
        value={service.kind}
        onChange={(kind) => onChange({ ...service, kind: kind as SupportKind })}
      />
      <TextInput
        id={id('how')}
        label={t('editor.supportHowToReach')}
        hint={t('editor.supportHowToReachHint')}
        maxLength={500}
        value={service.how_to_reach}
        onInput={(event) => onChange({ ...service, how_to_reach: event.currentTarget.value })}
      />
      <Radios
        id={id('status')}
        legend={t('editor.supportStatus')}
        options={SUPPORT_STATUSES.map((status) => ({ value: status, label: t(`editor.supportStatus.${status}`) }))}
        value={service.status}
        onChange={(status) => onChange({ ...service, status: status as SupportStatus })}
      />
      <button class="nhsuk-button nhsuk-button--secondary" type="button" onClick={onRemove}>
        {t('editor.removeSupport')}
        <span class="nhsuk-u-visually-hidden">: {name}</span>
      </button>
    </fieldset>
  );
}
