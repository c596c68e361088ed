import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ConnectionProblemScreen } from '../screens/ConnectionProblemScreen';
import { LoadingScreen } from '../screens/LoadingScreen';

/**
 * A component whose code is fetched the first time it is shown, so the first screen loads
 * fast. The service worker precaches every chunk, so this works offline too.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;

  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<unknown>(null);
    const [attempt, setAttempt] = useState(0);

    useEffect(() => {
      if (component) return;
      loading ??= load().then((c) => (loaded = c));
      loading.then(
        (c) => setComponent(() => c),
        (e: unknown) => {
          loading = null;
          setError(e);
        },
      );
    }, [attempt]);

    if (error) {
      return (
        <ConnectionProblemScreen
          error={error}
          onRetry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
      );
    }
    if (!component) return <LoadingScreen />;
    const Component = component;
    return <Component {...props} />;
  };
}
