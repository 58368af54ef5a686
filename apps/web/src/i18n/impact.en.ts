import type { impactVi } from './impact.vi.ts';
import type { Translation } from './vi.ts';

export const impactEn: Pick<Translation, keyof typeof impactVi> = {
  impact: {
    open: 'If activated…',
    title: 'If activated…',
    close: 'Close "If activated…"',
    introEvent:
      'The saved flow replayed on the module’s change history: the runs it would have started and what each step would have done. Nothing is sent or written.',
    introSchedule:
      'The saved care process on today’s data: the records it will reach and what each step will do. Nothing is sent or written.',
    lastDays: 'Over',
    nextDays: 'Over',
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    unsaved: 'Unsaved changes: save the flow to see the new version.',
    runs_one: 'Would run {{count}} time',
    runs_other: 'Would run {{count}} times',
    onRecords_one: 'on {{count}} record',
    onRecords_other: 'on {{count}} records',
    periodLast_one: 'The last {{count}} day, over {{scanned}} changes that could start the flow.',
    periodLast_other: 'The last {{count}} days, over {{scanned}} changes that could start the flow.',
    periodNext: 'From {{from}} to {{to}}.',
    noneEvent: 'No change in this period would have started the flow.',
    noneSchedule: 'No record falls due in this period.',
    more_one: 'and {{count}} more run',
    more_other: 'and {{count}} more runs',
  },
  conflicts: {
    title_one: '{{count}} warning about other flows',
    title_other: '{{count}} warnings about other flows',
    chain: 'Chain of flows',
    open: 'Open the other flow',
    badge_one: '{{count}} warning',
    badge_other: '{{count}} warnings',
    kind: {
      same_field: 'Same field',
      cycle: 'Loop',
      never_fires: 'Never runs',
    },
  },
};
