import type { ComponentChildren } from 'preact';
import { Header, type Account, type NavigationItem } from './Header';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MAIN_CONTENT_ID } from './Page';

/** The page frame every screen sits in. */
export function Layout({ account, navigation, children }: {
  account?: Account;
  navigation?: readonly NavigationItem[];
  children: ComponentChildren;
}) {
  return (
    <>
      <Header account={account} navigation={navigation} />
      <div class="nhsuk-width-container">
        <LanguageSwitcher />
        <main class="nhsuk-main-wrapper" id={MAIN_CONTENT_ID} tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  );
}
