import type { Me } from './api/types';
import { Header } from './components/Header';
import { LanguageSwitcher } from './components/LanguageSwitcher';
import { MAIN_CONTENT_ID } from './components/Page';
import { useI18n } from './i18n/I18nProvider';
import { replaceRoute, useRoute } from './navigation';
import { ConnectionProblemScreen } from './screens/ConnectionProblemScreen';
import { HomeScreen } from './screens/HomeScreen';
import { LoadingScreen } from './screens/LoadingScreen';
import { PatientSignInScreen } from './screens/PatientSignInScreen';
import { PracticeSignInScreen } from './screens/PracticeSignInScreen';
import { StartScreen } from './screens/StartScreen';
import { useSession, type Session } from './session';

function CurrentScreen({ session, onSignedIn, onSignedOut, onRetry }: {
  session: Session;
  onSignedIn: (me: Me) => void;
  onSignedOut: () => void;
  onRetry: () => void;
}) {
  const route = useRoute();
  switch (session.status) {
    case 'loading':
      return <LoadingScreen />;
    case 'failed':
      return <ConnectionProblemScreen error={session.error} onRetry={onRetry} />;
    case 'signed-in':
      return <HomeScreen me={session.me} onSignedOut={onSignedOut} />;
    case 'signed-out':
      if (route === 'patient') return <PatientSignInScreen onSignedIn={onSignedIn} />;
      if (route === 'practice') return <PracticeSignInScreen onSignedIn={onSignedIn} />;
      return <StartScreen />;
  }
}

export function App() {
  const { preferLanguage } = useI18n();
  const { session, reload, signedIn, signedOut } = useSession();

  const onSignedIn = (me: Me) => {
    // Leave the sign-in form out of history, so "back" from home does not return to it.
    replaceRoute('start');
    preferLanguage(me.preferred_language);
    signedIn(me);
  };

  const onSignedOut = () => {
    replaceRoute('start');
    signedOut();
  };

  return (
    <>
      <Header />
      <div class="nhsuk-width-container">
        <LanguageSwitcher />
        <main class="nhsuk-main-wrapper" id={MAIN_CONTENT_ID} tabIndex={-1}>
          <CurrentScreen
            session={session}
            onSignedIn={onSignedIn}
            onSignedOut={onSignedOut}
            onRetry={() => void reload()}
          />
        </main>
      </div>
    </>
  );
}
