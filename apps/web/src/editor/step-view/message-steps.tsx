import { smsSegments } from '@crmflow/flow/messaging';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { attachmentUrl, useOutboxMessage } from '../../api/outbox.ts';
import { fileSize } from '../../outbox/OutboxPreview.tsx';
import { Facts, Recipients } from './Facts.tsx';
import { RecipientReport } from './step-error.ts';
import type { StepRendererProps } from './step-renderer.ts';

const Provider = z.object({
  id: z.string().nullish(),
  name: z.string().nullish(),
  adapter: z.string().nullish(),
});
const Delivery = {
  provider: Provider.nullish(),
  to: z.array(z.string()).optional(),
  unreachable: z.array(RecipientReport).optional(),
  recipients: z.array(RecipientReport).optional(),
};

/** The provider by name; a capturing one says that nothing really leaves. */
function ProviderName({ provider, lookups }: Pick<StepRendererProps, 'lookups'> & { provider: unknown }) {
  const { t } = useTranslation();
  const parsed = Provider.safeParse(provider);
  if (!parsed.success) return null;
  const { id, name, adapter } = parsed.data;
  const shown =
    name || (adapter === 'system' ? t('editor.step.systemEmail') : lookups.providerName(id)) || adapter || '';
  return (
    <>
      {shown}
      {adapter === 'capture' ? <span className="muted"> · {t('editor.step.captureOnly')}</span> : null}
    </>
  );
}

/** Whom it went to and what became of each (a run), or whom it would reach and who not (a test). */
function deliveryFacts(args: {
  value: z.infer<z.ZodObject<typeof Delivery>>;
  labels: { to: string; unreachable: string };
}) {
  const { value, labels } = args;
  if (value.recipients) return [{ label: labels.to, value: <Recipients reports={value.recipients} /> }];
  const unreachable = value.unreachable ?? [];
  return [
    { label: labels.to, value: value.to?.join(', ') },
    {
      label: labels.unreachable,
      value: unreachable.length > 0 ? <Recipients reports={unreachable} /> : null,
    },
  ];
}

const deliveryLabels = (t: TFunction) => ({
  to: t('editor.step.to'),
  unreachable: t('editor.step.unreachable'),
});

const Email = z.object({
  ...Delivery,
  subject: z.string().optional(),
  html: z.string().optional(),
  attachment: z.object({ name: z.string(), format: z.string().optional() }).nullish(),
  attachments: z.array(z.object({ name: z.string(), size: z.number().nullish() })).optional(),
});

/** The email as its recipient sees it, in a frame that runs nothing and reaches nothing. */
export function EmailFrame({ html }: { html: string }) {
  const { t } = useTranslation();
  return <iframe className="step-email__frame" title={t('editor.step.emailBody')} sandbox="" srcDoc={html} />;
}

/** A sent email's body is kept on its outbox row, not on the step. */
function SentEmailBody({ outboxId }: { outboxId: string }) {
  const message = useOutboxMessage(outboxId);
  return message.data?.body ? <EmailFrame html={message.data.body} /> : null;
}

export function EmailStep({ value, lookups }: StepRendererProps) {
  const { t } = useTranslation();
  const parsed = Email.safeParse(value);
  if (!parsed.success) return null;
  const email = parsed.data;
  const outboxId = email.recipients?.find((r) => r.outboxId)?.outboxId;
  const files = email.attachments ?? (email.attachment ? [{ name: email.attachment.name, size: null }] : []);
  return (
    <>
      <Facts
        facts={[
          { label: t('editor.step.subject'), value: email.subject },
          ...deliveryFacts({ value: email, labels: deliveryLabels(t) }),
          {
            label: t('editor.step.provider'),
            value: <ProviderName provider={email.provider} lookups={lookups} />,
          },
          {
            label: t('editor.step.attachments'),
            value:
              files.length === 0 ? null : (
                <ul className="step-files">
                  {files.map((file, index) => (
                    <li key={file.name}>
                      {outboxId ? (
                        <a href={attachmentUrl(outboxId, index)} download>
                          {file.name}
                        </a>
                      ) : (
                        file.name
                      )}
                      {file.size ? <span className="muted"> · {fileSize(file.size)}</span> : null}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      {email.html !== undefined ? <EmailFrame html={email.html} /> : null}
      {email.html === undefined && outboxId ? <SentEmailBody outboxId={outboxId} /> : null}
    </>
  );
}

const Sms = z.object({ ...Delivery, text: z.string().optional() });

export function SmsStep({ value, lookups }: StepRendererProps) {
  const { t } = useTranslation();
  const parsed = Sms.safeParse(value);
  if (!parsed.success) return null;
  const sms = parsed.data;
  // Counted as the engine bills it, from the same helper.
  const count = sms.text ? smsSegments(sms.text) : null;
  return (
    <Facts
      facts={[
        { label: t('editor.step.smsText'), value: sms.text ? <p className="step-text">{sms.text}</p> : null },
        count && {
          label: t('editor.step.smsCount'),
          value: t('editor.step.smsCountValue', {
            chars: count.length,
            segments: count.segments,
            encoding: count.encoding === 'GSM-7' ? 'GSM-7' : 'Unicode',
          }),
        },
        ...deliveryFacts({ value: sms, labels: deliveryLabels(t) }),
        {
          label: t('editor.step.provider'),
          value: <ProviderName provider={sms.provider} lookups={lookups} />,
        },
      ]}
    />
  );
}

const Zns = z.object({
  ...Delivery,
  templateName: z.string().optional(),
  template: z.object({ name: z.string() }).optional(),
  params: z.record(z.string(), z.string()).optional(),
});

export function ZnsStep({ value, lookups }: StepRendererProps) {
  const { t } = useTranslation();
  const parsed = Zns.safeParse(value);
  if (!parsed.success) return null;
  const zns = parsed.data;
  return (
    <Facts
      facts={[
        { label: t('editor.step.znsTemplate'), value: zns.templateName ?? zns.template?.name },
        ...Object.entries(zns.params ?? {}).map(([key, param]) => ({ label: key, value: param })),
        ...deliveryFacts({ value: zns, labels: deliveryLabels(t) }),
        {
          label: t('editor.step.provider'),
          value: <ProviderName provider={zns.provider} lookups={lookups} />,
        },
      ]}
    />
  );
}

const Webhook = z.object({ ...Delivery, url: z.string().optional(), httpStatus: z.number().optional() });

export function WebhookStep({ value, lookups }: StepRendererProps) {
  const { t } = useTranslation();
  const parsed = Webhook.safeParse(value);
  if (!parsed.success) return null;
  const hook = parsed.data;
  const status = hook.httpStatus ?? hook.recipients?.find((r) => r.httpStatus !== undefined)?.httpStatus;
  return (
    <Facts
      facts={[
        {
          label: t('editor.step.endpoint'),
          value: <ProviderName provider={hook.provider} lookups={lookups} />,
        },
        { label: t('editor.step.url'), value: hook.url },
        status !== undefined && {
          label: t('editor.step.httpStatus'),
          value: t(status >= 200 && status < 300 ? 'editor.step.httpOk' : 'editor.step.httpRefused', {
            status,
          }),
        },
      ]}
    />
  );
}
