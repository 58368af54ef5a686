import type { phoneVi } from './phone.vi.ts';
import type { Translation } from './vi.ts';

/** English texts of the salesperson's day on a phone; typed, so a key missing here does not compile. */
export const phoneEn: Pick<Translation, keyof typeof phoneVi> = {
  myTasks: {
    title: 'My tasks',
    subtitle: 'Open tasks assigned to you.',
    overdue: 'Overdue',
    today: 'Today',
    later: 'Coming up',
    empty: 'Nothing left to do',
    emptyBody: 'You have finished every task assigned to you. New tasks will show up here.',
    due: 'Due {{date}}',
    noDue: 'No due date',
    done: 'Done',
    markDone: 'Done: {{title}}',
    marked: '“{{title}}” is done.',
    untitled: '(Untitled)',
  },
  careCards: {
    title: 'Care cards',
    subtitle: 'Customers to look after, by care date.',
    period: {
      label: 'When',
      today: 'Due today',
      week: 'This week',
      all: 'All',
    },
    whose: {
      label: 'Owner',
      mine: 'Mine',
      everyone: 'Everyone',
    },
    empty: 'No care cards',
    emptyBody: 'No card falls in this period. New cards made by workflows will show up here.',
    order: 'Order {{code}}',
    careDate: 'Care date {{date}}',
    noDate: 'No care date',
    owner: 'Owner: {{name}}',
    noOwner: 'No owner',
    category: 'Category {{category}}',
  },
  profile: {
    title: 'Your profile',
    menuLink: 'Profile and notifications',
    account: 'Account',
  },
  push: {
    title: 'Notifications on your phone',
    body: 'Get workflow notifications (tasks assigned to you, new care cards…) on this device, even when the app is closed.',
    enable: 'Turn on notifications on this device',
    enabling: 'Turning on…',
    enabledHere: 'This device receives notifications.',
    refused: 'Notifications were not allowed. Allow them in the browser settings and try again.',
    denied: 'The browser blocks notifications from crmflow. Allow them in the site settings.',
    unsupported:
      'This browser cannot receive push notifications. On an iPhone, add crmflow to the Home Screen first.',
    devices: 'Devices that receive notifications',
    noDevices: 'No device yet.',
    thisDevice: 'This device',
    unnamed: 'Unnamed device',
    added: 'Added {{date}}',
    lastPushed: 'Last notified {{date}}',
    remove: 'Remove',
    removeLabel: 'Remove device {{name}}',
  },
  phone: {
    editorNotice:
      'The workflow designer works best on a computer. On a phone you can still look at workflows and switch them on or off from the list.',
    nav: { workflows: 'Workflows' },
  },
};
