import { Navigate, type RouteObject } from 'react-router';
import { CustomFieldsPage } from './CustomFieldsPage.tsx';
import { MessageTemplatesPage } from './MessageTemplatesPage.tsx';
import { PrintTemplatesPage } from './PrintTemplatesPage.tsx';

/** The settings tabs of templates and fields, one per line; `label` is an i18n key. */
export const templateSettingsTabs = [
  { key: 'message-templates', to: '/settings/message-templates', label: 'admin.tabs.messageTemplates' },
  { key: 'print-templates', to: '/settings/print-templates', label: 'admin.tabs.printTemplates' },
  { key: 'fields', to: '/settings/fields', label: 'admin.tabs.fields' },
] as const;

/** Their routes under `/settings`, one per line. */
export const templateSettingsRoutes: RouteObject[] = [
  { path: 'message-templates', element: <Navigate to="/settings/message-templates/email" replace /> },
  { path: 'message-templates/:kind', element: <MessageTemplatesPage /> },
  { path: 'print-templates', element: <PrintTemplatesPage /> },
  { path: 'fields', element: <Navigate to="/settings/fields/account" replace /> },
  { path: 'fields/:module', element: <CustomFieldsPage /> },
];
