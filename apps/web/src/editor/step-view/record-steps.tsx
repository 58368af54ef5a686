import { type FieldMeta, findField } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { useLocale } from '../../i18n/useLocale.ts';
import { FieldValue } from '../../records/FieldValue.tsx';
import { formatDate, formatDateTime, formatMoney, labelOf } from '../../records/format.ts';
import { type Fact, Facts, names } from './Facts.tsx';
import type { StepLookups } from './step-lookups.ts';
import type { StepRendererProps } from './step-renderer.ts';

/** A user as a step names them: by id (a run) or with the name the preview found. */
const Person = z.union([z.string(), z.object({ id: z.string(), name: z.string() })]);
type Person = z.infer<typeof Person>;
const nameOf = (lookups: StepLookups, person: Person | null | undefined) =>
  person == null ? null : typeof person === 'string' ? (lookups.userName(person) ?? null) : person.name;

/** A record by its title, linked to its page. */
function RecordLink({ lookups, id, fallback }: { lookups: StepLookups; id: string; fallback?: string }) {
  const record = lookups.record(id);
  const title = record?.title || fallback || '';
  if (!record) return <>{title}</>;
  return <Link to={`/records/${record.module}/${record.id}`}>{title || record.module}</Link>;
}

/** A field's value as the record form shows it, or nothing when the field is unknown. */
function fieldFact(args: {
  field: FieldMeta | undefined;
  value: unknown;
  lookups: StepLookups;
  locale: 'vi' | 'en';
}) {
  const { field, value, lookups, locale } = args;
  if (!field) return null;
  return {
    label: labelOf(field, locale),
    value: <FieldValue field={field} value={value} lookups={lookups.values} />,
  };
}

const Task = z.object({
  taskId: z.string().optional(),
  title: z.string().optional(),
  assigneeId: z.string().nullish(),
  assignee: Person.nullish(),
  related: z.array(Person).optional(),
  dueDate: z.string().nullish(),
  priority: z.string().nullish(),
  attachments: z.array(z.object({ name: z.string() })).optional(),
});

export function TaskStep({ value, lookups }: StepRendererProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parsed = Task.safeParse(value);
  if (!parsed.success) return null;
  const task = parsed.data;
  const taskFields = lookups.catalog.task;
  return (
    <Facts
      facts={[
        {
          label: t('editor.step.task'),
          value: task.taskId ? (
            <RecordLink lookups={lookups} id={task.taskId} fallback={task.title} />
          ) : (
            task.title
          ),
        },
        { label: t('editor.step.assignee'), value: nameOf(lookups, task.assignee ?? task.assigneeId) },
        {
          label: t('editor.step.related'),
          value: names((task.related ?? []).map((p) => nameOf(lookups, p))),
        },
        task.dueDate ? { label: t('editor.step.dueDate'), value: formatDate(task.dueDate) } : null,
        task.priority
          ? fieldFact({ field: findField(taskFields, 'priority'), value: task.priority, lookups, locale })
          : null,
        { label: t('editor.step.attachments'), value: task.attachments?.map((file) => file.name).join(', ') },
      ]}
    />
  );
}

const Notify = z.object({
  message: z.string().optional(),
  recipients: z.array(Person).optional(),
  note: z.string().optional(),
});

export function NotifyStep({ value, lookups }: StepRendererProps) {
  const { t } = useTranslation();
  const parsed = Notify.safeParse(value);
  if (!parsed.success) return null;
  const { message, recipients, note } = parsed.data;
  return (
    <Facts
      facts={[
        { label: t('editor.step.message'), value: message },
        { label: t('editor.step.to'), value: names((recipients ?? []).map((p) => nameOf(lookups, p))) },
        { label: t('editor.step.note'), value: note },
      ]}
    />
  );
}

const Change = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
const UpdateFields = z.object({
  module: z.string().optional(),
  recordId: z.string().optional(),
  values: z.record(z.string(), z.unknown()).optional(),
  changes: z.array(Change).optional(),
  reason: z.string().optional(),
});

export function UpdateFieldsStep({ value, lookups, module }: StepRendererProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parsed = UpdateFields.safeParse(value);
  if (!parsed.success) return null;
  const step = parsed.data;
  const target = Object.values(lookups.catalog).find((meta) => meta.key === step.module) ?? module;
  const changes =
    step.changes ?? Object.entries(step.values ?? {}).map(([field, to]) => ({ field, to, from: undefined }));
  const facts: (Fact | null)[] = changes.map((change) => {
    const field = findField(target, change.field);
    if (!field) return { label: change.field, value: String(change.to ?? '') };
    const shown = (v: unknown) => <FieldValue field={field} value={v} lookups={lookups.values} />;
    return {
      label: labelOf(field, locale),
      value:
        change.from === undefined ? (
          shown(change.to)
        ) : (
          <>
            <span className="muted">{isBlank(change.from) ? '—' : shown(change.from)}</span> →{' '}
            {shown(change.to)}
          </>
        ),
    };
  });
  const other = step.recordId && step.module !== module.key;
  return (
    <Facts
      facts={[
        other && step.recordId
          ? { label: t('editor.step.record'), value: <RecordLink lookups={lookups} id={step.recordId} /> }
          : null,
        ...facts,
        { label: t('editor.step.note'), value: step.reason },
      ]}
    />
  );
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

const Handover = z.object({
  previousOwnerId: z.string().nullish(),
  ownerId: z.string().optional(),
  ownerName: z.string().optional(),
});

export function HandoverStep({ value, lookups }: StepRendererProps) {
  const { t } = useTranslation();
  const parsed = Handover.safeParse(value);
  if (!parsed.success) return null;
  const step = parsed.data;
  return (
    <Facts
      facts={[
        step.previousOwnerId !== undefined && {
          label: t('editor.step.fromOwner'),
          value: step.previousOwnerId ? lookups.userName(step.previousOwnerId) : t('editor.step.nobody'),
        },
        { label: t('editor.step.toOwner'), value: step.ownerName ?? lookups.userName(step.ownerId) },
      ]}
    />
  );
}

const Care = z.object({
  created: z.number().optional(),
  cards: z.array(z.union([z.string(), z.object({ productId: z.string().nullish() })])).optional(),
  ownerId: z.string().nullish(),
  careDate: z.string().nullish(),
});

export function CareCardStep({ value, lookups }: StepRendererProps) {
  const { t } = useTranslation();
  const parsed = Care.safeParse(value);
  if (!parsed.success) return null;
  const care = parsed.data;
  const products = (care.cards ?? []).map((card) =>
    typeof card === 'string' ? null : (lookups.record(card.productId)?.title ?? null),
  );
  return (
    <Facts
      facts={[
        {
          label: t('editor.step.careCards'),
          value: t('editor.step.cardCount', { count: care.created ?? care.cards?.length ?? 0 }),
        },
        { label: t('editor.step.products'), value: names(products) },
        care.careDate ? { label: t('editor.step.careDate'), value: formatDate(care.careDate) } : null,
        { label: t('editor.step.owner'), value: lookups.userName(care.ownerId) },
      ]}
    />
  );
}

const Revenue = z.object({ kind: z.enum(['proposed', 'recorded']).optional(), amount: z.unknown() });

export function RevenueStep({ value }: StepRendererProps) {
  const { t } = useTranslation();
  const parsed = Revenue.safeParse(value);
  if (!parsed.success) return null;
  const { kind, amount } = parsed.data;
  return (
    <Facts
      facts={[
        kind ? { label: t('editor.step.revenue'), value: t(`editor.step.revenueKind.${kind}`) } : null,
        { label: t('editor.step.amount'), value: formatMoney(amount) },
      ]}
    />
  );
}

const Delay = z.object({ until: z.string().optional(), note: z.string().optional() });

export function DelayStep({ value, lookups }: StepRendererProps) {
  const { t } = useTranslation();
  const parsed = Delay.safeParse(value);
  if (!parsed.success) return null;
  return (
    <Facts
      facts={[
        { label: t('editor.step.until'), value: formatDateTime(parsed.data.until, lookups.values.timeZone) },
        { label: t('editor.step.note'), value: parsed.data.note },
      ]}
    />
  );
}
