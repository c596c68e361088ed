import { useEffect, useRef, useState } from 'preact/hooks';
import { INBOX_EVENTS_URL } from '../api/inbox';
import { parseItemEvent, type ItemEvent } from './inbox-view';

/**
 * Live inbox updates (Server-Sent Events). `ready` comes each time the stream (re)connects:
 * read the inbox again then, as anything may have changed while it was down. EventSource
 * reconnects by itself; the stream is closed when the screen goes. Returns whether the stream
 * is connected now.
 */
export function useInboxEvents(onEvent: (event: ItemEvent | 'ready') => void): boolean {
  const listener = useRef(onEvent);
  listener.current = onEvent;
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(INBOX_EVENTS_URL);
    source.addEventListener('ready', () => {
      setConnected(true);
      listener.current('ready');
    });
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('item', (message) => {
      const event = parseItemEvent((message as MessageEvent<string>).data);
      if (event) listener.current(event);
    });
    return () => source.close();
  }, []);
  return connected;
}
