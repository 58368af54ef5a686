import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useTemplates } from '../../api/message-templates.ts';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useModuleCatalog } from '../../editor/pages/useModuleCatalog.ts';
import { EmailTemplateForm } from './EmailTemplateForm.tsx';
import { SmsTemplateForm } from './SmsTemplateForm.tsx';
import { TemplateWorkspace } from './template-kit.tsx';
import { ZnsImport, ZnsTemplateForm } from './ZnsTemplateForm.tsx';
import '../../editor/inspector/inspector.css';
import '../../styles/admin.css';

const kinds = ['email', 'sms', 'zns'] as const;
type MessageKind = (typeof kinds)[number];
const isKind = (value: string | undefined): value is MessageKind => kinds.some((kind) => kind === value);

/** `/settings/message-templates/:kind`: email, SMS and Zalo ZNS templates, one kind at a time. */
export function MessageTemplatesPage() {
  const { t } = useTranslation();
  const { kind } = useParams();
  if (!isKind(kind)) return <Navigate to="/settings/message-templates/email" replace />;
  return (
    <section className="settings-section" aria-labelledby="message-templates-heading">
      <div className="settings-section__header">
        <h2 id="message-templates-heading">{t('admin.tabs.messageTemplates')}</h2>
      </div>
      <nav className="kind-tabs" aria-label={t('admin.kinds.label')}>
        {kinds.map((each) => (
          <Link
            key={each}
            to={`/settings/message-templates/${each}`}
            className="kind-tabs__item"
            aria-current={each === kind ? 'page' : undefined}
          >
            {t(`admin.kinds.${each}`)}
          </Link>
        ))}
      </nav>
      {kind === 'email' ? <EmailTemplates /> : null}
      {kind === 'sms' ? <SmsTemplates /> : null}
      {kind === 'zns' ? <ZnsTemplates /> : null}
    </section>
  );
}

function useCatalogGate() {
  const errorMessage = useErrorMessage();
  const { catalog, isPending, error, refetch } = useModuleCatalog();
  const gate =
    isPending || !catalog ? (
      error ? (
        <ErrorState message={errorMessage(error)} onRetry={() => void refetch()} />
      ) : (
        <LoadingState />
      )
    ) : null;
  return { catalog, gate };
}

function EmailTemplates() {
  const query = useTemplates('email');
  const { catalog, gate } = useCatalogGate();
  if (!catalog) return gate;
  return (
    <TemplateWorkspace
      kind="email"
      query={query}
      renderForm={({ template, onSaved }) => (
        <EmailTemplateForm template={template} catalog={catalog} onSaved={onSaved} />
      )}
    />
  );
}

function SmsTemplates() {
  const query = useTemplates('sms');
  const { catalog, gate } = useCatalogGate();
  if (!catalog) return gate;
  return (
    <TemplateWorkspace
      kind="sms"
      query={query}
      renderForm={({ template, onSaved }) => (
        <SmsTemplateForm template={template} catalog={catalog} onSaved={onSaved} />
      )}
    />
  );
}

function ZnsTemplates() {
  const query = useTemplates('zns');
  return (
    <TemplateWorkspace
      kind="zns"
      query={query}
      renderForm={({ template, draft, onSaved }) => (
        <ZnsTemplateForm template={template} draft={draft} onSaved={onSaved} />
      )}
      tools={(start) => <ZnsImport onPick={start} />}
    />
  );
}

export { useCatalogGate };
