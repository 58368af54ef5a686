import { Navigate, type RouteObject } from 'react-router';

/** The settings tabs of templates and fields, one per line; `label` is an i18n key. */
export const templateSettingsTabs = [
  { key: 'message-templates', to: '/settings/message-templates', label: 'admin.tabs.messageTemplates' },
  { key: 'print-templates', to: '/settings/print-templates', label: 'admin.tabs.printTemplates' },
  { key: 'fields', to: '/settings/fields', label: 'admin.tabs.fields' },
] as const;

// Loaded when first visited: the formatted-text editor is only needed here.
const messageTemplates = async () => ({
  Component: (await import('./MessageTemplatesPage.tsx')).MessageTemplatesPage,
});
const printTemplates = async () => ({
  Component: (await import('./PrintTemplatesPage.tsx')).PrintTemplatesPage,
});
const customFields = async () => ({ Component: (await import('./CustomFieldsPage.tsx')).CustomFieldsPage });

/** Their routes under `/settings`, one per line. */
export const templateSettingsRoutes: RouteObject[] = [
  { path: 'message-templates', element: <Navigate to="/settings/message-templates/email" replace /> },
  { path: 'message-templates/:kind', lazy: messageTemplates },
  { path: 'print-templates', lazy: printTemplates },
  { path: 'fields', element: <Navigate to="/settings/fields/account" replace /> },
  { path: 'fields/:module', lazy: customFields },
];
