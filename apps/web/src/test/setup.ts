import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { changeLocale, initI18n } from '../i18n/index.ts';

initI18n('vi');
// jsdom renders the whole app in these tests; on a busy machine a second is not always enough.
configure({ asyncUtilTimeout: 4000 });

beforeEach(async () => {
  await changeLocale('vi');
  // Each test starts as a browser that never chose a language.
  localStorage.clear();
});

afterEach(() => {
  cleanup();
});
