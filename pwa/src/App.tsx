import { useEffect } from 'preact/hooks';
import { onSessionEnded } from './api/client';
import type { Me } from './api/types';
import { Layout } from './components/Layout';
import { useI18n } from './i18n/I18nProvider';
import { replaceRoute, useRoute } from './navigation';
import { ConnectionProblemScreen } from './screens/ConnectionProblemScreen';
import { LoadingScreen } from './screens/LoadingScreen';
import { PatientSignInScreen } from './screens/PatientSignInScreen';
import { PracticeSignInScreen } from './screens/PracticeSignInScreen';
import { StartScreen } from './screens/StartScreen';
import { SignedInApp } from './SignedInApp';
import { useSession } from './session';

function SignedOutScreen({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const route = useRoute();
  if (route.name === 'patient-sign-in') return <PatientSignInScreen onSignedIn={onSignedIn} />;
  if (route.name === 'practice-sign-in') return <PracticeSignInScreen onSignedIn={onSignedIn} />;
  return <StartScreen />;
}

export function App() {
  const { preferLanguage } = useI18n();
  const { session, reload, signedIn, signedOut, sessionEnded } = useSession();

  useEffect(() => onSessionEnded(() => void sessionEnded()), [sessionEnded]);

  const onSignedIn = (me: Me) => {
    // Leave the sign-in form out of history, so "back" from home does not return to it.
    replaceRoute({ name: 'start' });
    preferLanguage(me.preferred_language);
    void signedIn(me);
  };

  const onSignedOut = () => {
    replaceRoute({ name: 'start' });
    void signedOut();
  };

  if (session.status === 'signed-in') return <SignedInApp me={session.me} onSignedOut={onSignedOut} />;
  return (
    <Layout>
      {session.status === 'loading' && <LoadingScreen />}
      {session.status === 'failed' && <ConnectionProblemScreen error={session.error} onRetry={() => void reload()} />}
      {session.status === 'signed-out' && <SignedOutScreen onSignedIn={onSignedIn} />}
    </Layout>
  );
}
