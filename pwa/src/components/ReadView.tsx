import type { ComponentChildren } from 'preact';
import { describeError } from '../forms/describe-error';
import { useI18n } from '../i18n/I18nProvider';
import type { ReadState } from '../offline/use-read';
import { LoadingScreen } from '../screens/LoadingScreen';
import { SavedCopyNotice } from './SavedCopyNotice';

/** A read that failed: why, in plain words, and a way to try again. */
export function ReadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div class="app-read-failed">
      <p>{describeError(error, t)}</p>
      <button class="nhsuk-button nhsuk-button--secondary" type="button" onClick={onRetry}>
        {t('error.tryAgain')}
      </button>
    </div>
  );
}

/** Loading, failed, or the data (with a notice when it is the copy saved on the device). */
export function ReadView<T>({ state, onRetry, children }: {
  state: ReadState<T>;
  onRetry: () => void;
  children: (data: T) => ComponentChildren;
}) {
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'failed') return <ReadFailed error={state.error} onRetry={onRetry} />;
  return (
    <>
      {state.offline && state.savedAt !== null && <SavedCopyNotice savedAt={state.savedAt} />}
      {children(state.data)}
    </>
  );
}
