import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * An NHS.UK error-summary box for a problem that is not one field's (e.g. someone else saved
 * first). Focused when it appears, so keyboard and screen reader users meet it at once.
 */
export function AlertBox({ title, children }: { title: string; children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [title]);
  return (
    <div class="nhsuk-error-summary" tabIndex={-1} ref={box} role="alert">
      <h2 class="nhsuk-error-summary__heading">{title}</h2>
      <div class="nhsuk-error-summary__body">{children}</div>
    </div>
  );
}
