import { addDays, DelayConfig, findField, text, toCalendarDate, toInstant } from '@crmflow/flow';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { defineExecutor, type ExecutionScope } from './executor.ts';

const unitMs = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/**
 * When the wait ends: a duration after the step first started (so waking up does not restart
 * it), or the record's date (+ offset) at the start of that day in the organization's zone, or
 * its datetime (+ offset days). `null` when the record has no such date.
 */
function dueAt(scope: ExecutionScope, config: DelayConfig, startedAt: Date): Date | null {
  if (config.mode === 'duration') return new Date(startedAt.getTime() + config.amount * unitMs[config.unit]);
  const { org, record } = scope;
  const value = record.data[config.field];
  const field = findField(org.catalog[record.module], config.field);
  if (field?.type === 'datetime') {
    const instant = toInstant(value, org.timeZone);
    return instant === null ? null : new Date(instant + config.offsetDays * unitMs.days);
  }
  const date = toCalendarDate(value, org.timeZone);
  if (date === null) return null;
  const instant = toInstant(`${addDays(date, config.offsetDays)}T00:00`, org.timeZone);
  return instant === null ? null : new Date(instant);
}

const when = (scope: ExecutionScope, at: Date) =>
  format(new TZDate(at.getTime(), scope.org.timeZone), 'dd/MM/yyyy HH:mm');

const noDate = text('step.no_date');

/**
 * Chờ: parks the step until it is due; the runtime wakes it with a delayed job, re-checks the
 * run's conditions on the record as it is then, and runs this again, which lets it go on.
 */
export const delayExecutor = defineExecutor({
  schema: DelayConfig,
  async run(ctx) {
    const until = dueAt(ctx, ctx.config, ctx.run.stepStartedAt);
    if (until === null)
      return { status: 'succeeded', output: { waited: false, note: noDate[ctx.org.locale] } };
    if (until.getTime() <= ctx.now.getTime())
      return { status: 'succeeded', output: { waited: true, until: until.toISOString() } };
    return { status: 'waiting', until, output: { until: until.toISOString() } };
  },
  async preview(ctx) {
    const until = dueAt(ctx, ctx.config, ctx.now);
    if (until === null) return { status: 'would_run', reason: noDate[ctx.org.locale] };
    const at = when(ctx, until);
    return {
      status: 'would_run',
      reason:
        ctx.org.locale === 'en'
          ? `Would wait until ${at}, then check the conditions again`
          : `Sẽ chờ đến ${at} rồi kiểm tra lại điều kiện`,
      preview: { until: until.toISOString() },
    };
  },
});
