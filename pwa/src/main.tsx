import { render } from 'preact';
import { App } from './App';
import { I18nProvider } from './i18n/I18nProvider';
import './styles/main.scss';

render(
  <I18nProvider>
    <App />
  </I18nProvider>,
  document.getElementById('app')!,
);
