import type { ComponentType } from 'react';
import {
  CareIcon,
  DatabaseIcon,
  HistoryIcon,
  OutboxIcon,
  SettingsIcon,
  TemplateIcon,
  WorkflowIcon,
} from '../components/icons.tsx';
import type { phoneVi } from '../i18n/phone.vi.ts';
import { CareCardIcon, TaskListIcon } from '../my-work/my-work-icons.tsx';

export interface NavItem {
  key:
    | 'myTasks'
    | 'careCards'
    | 'workflows'
    | 'careProcesses'
    | 'templates'
    | 'records'
    | 'runs'
    | 'outbox'
    | 'settings';
  to: string;
  /** Every path under this prefix marks the item as the current section. */
  section: string;
  icon: ComponentType<{ size?: number }>;
  /** Draws a separator above the item. */
  separated?: boolean;
  /** Kept in the bottom bar on a phone; the others are reached from the menu there. */
  phone?: boolean;
  /** A shorter label for the bottom bar, when the usual one does not fit there. */
  short?: `phone.nav.${keyof (typeof phoneVi)['phone']['nav']}`;
}

/** The product's sections, in the order the sidebar shows them. */
export const navItems: NavItem[] = [
  { key: 'myTasks', to: '/my-tasks', section: '/my-tasks', icon: TaskListIcon, phone: true },
  { key: 'careCards', to: '/care-cards', section: '/care-cards', icon: CareCardIcon, phone: true },
  {
    key: 'workflows',
    to: '/workflows',
    section: '/workflows',
    icon: WorkflowIcon,
    phone: true,
    short: 'phone.nav.workflows',
    separated: true,
  },
  { key: 'careProcesses', to: '/care-processes', section: '/care-processes', icon: CareIcon },
  { key: 'templates', to: '/templates', section: '/templates', icon: TemplateIcon },
  { key: 'records', to: '/records/order', section: '/records', icon: DatabaseIcon, phone: true },
  { key: 'runs', to: '/runs', section: '/runs', icon: HistoryIcon },
  { key: 'outbox', to: '/outbox', section: '/outbox', icon: OutboxIcon },
  { key: 'settings', to: '/settings', section: '/settings', icon: SettingsIcon, separated: true },
];

export function isInSection(pathname: string, section: string): boolean {
  return pathname === section || pathname.startsWith(`${section}/`);
}
