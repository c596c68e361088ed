import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useDocumentTitle } from './use-document-title';

export const MAIN_CONTENT_ID = 'maincontent';

// The first page is what the browser loaded: leave focus where the browser put it.
let isFirstPage = true;

/**
 * One screen. Sets the tab title and, when the screen changes inside the app, moves focus to
 * the main content so screen readers announce the new page as a page load would.
 */
export function Page({ title, hasErrors = false, children }: {
  title: string;
  hasErrors?: boolean;
  children: ComponentChildren;
}) {
  useDocumentTitle(title, hasErrors);
  useEffect(() => {
    if (!isFirstPage) document.getElementById(MAIN_CONTENT_ID)?.focus();
    isFirstPage = false;
  }, []);
  return <>{children}</>;
}
