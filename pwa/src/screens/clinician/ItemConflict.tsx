import { AlertBox } from '../../components/AlertBox';
import { useI18n } from '../../i18n/I18nProvider';
import { isMessageKey } from '../../i18n/translate';

/** Says that someone else saved this goal or action first, and which fields both people changed. */
export function ItemConflict({ kind, bothChanged }: { kind: 'goal' | 'action'; bothChanged: readonly PropertyKey[] }) {
  const { t } = useI18n();
  const fields = bothChanged.map((field) => {
    const key = `editor.field.${String(field)}`;
    return isMessageKey(key) ? t(key) : String(field);
  });
  return (
    <AlertBox title={t(kind === 'goal' ? 'editor.goalConflictTitle' : 'editor.actionConflictTitle')}>
      <p>{t(kind === 'goal' ? 'editor.goalConflict' : 'editor.actionConflict')}</p>
      {fields.length > 0 && <p>{t('editor.conflictBoth', { fields: fields.join(', ') })}</p>}
    </AlertBox>
  );
}
