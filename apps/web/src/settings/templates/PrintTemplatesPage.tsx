import type { ModuleCatalog, ModuleKey } from '@crmflow/flow';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PrintTemplate, renderPrintPreview, useTemplates } from '../../api/message-templates.ts';
import { ReasonTip } from '../../components/ReasonTip.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { MergeTextInput } from '../../editor/inspector/controls/MergeText.tsx';
import { useLocale } from '../../i18n/useLocale.ts';
import { useCatalogGate } from './MessageTemplatesPage.tsx';
import { RecordPicker } from './RecordPicker.tsx';
import { FormRow, ModuleRow, TemplateForm, TemplateWorkspace } from './template-kit.tsx';
import '../../editor/inspector/inspector.css';
import '../../styles/admin.css';

/** `/settings/print-templates`: HTML print templates (order slips, quotes) with a server-rendered PDF. */
export function PrintTemplatesPage() {
  const { t } = useTranslation();
  const query = useTemplates('print');
  const { catalog, gate } = useCatalogGate();
  return (
    <section className="settings-section" aria-labelledby="print-templates-heading">
      <div className="settings-section__header">
        <h2 id="print-templates-heading">{t('admin.tabs.printTemplates')}</h2>
      </div>
      {catalog ? (
        <TemplateWorkspace
          kind="print"
          query={query}
          renderForm={({ template, onSaved }) => (
            <PrintTemplateForm template={template} catalog={catalog} onSaved={onSaved} />
          )}
        />
      ) : (
        gate
      )}
    </section>
  );
}

/** The product table an order slip needs: one header row, one row repeated per order line. */
export function linesTableHtml(
  labels: Record<'index' | 'product' | 'quantity' | 'price' | 'amount', string>,
) {
  return [
    '<table>',
    `<thead><tr><th>${labels.index}</th><th>${labels.product}</th><th>${labels.quantity}</th><th>${labels.price}</th><th>${labels.amount}</th></tr></thead>`,
    '<tbody><tr data-each="lines"><td>#line.index</td><td>#line.product_id</td><td>#line.quantity</td><td>#line.price</td><td>#line.amount</td></tr></tbody>',
    '</table>',
  ].join('\n');
}

function PrintTemplateForm({
  template,
  catalog,
  onSaved,
}: {
  template: PrintTemplate | null;
  catalog: ModuleCatalog;
  onSaved: (template: PrintTemplate) => void;
}) {
  const { t } = useTranslation();
  const [module, setModule] = useState<ModuleKey>(template?.module ?? 'order');
  const [body, setBody] = useState(template?.body ?? '');
  const [recordId, setRecordId] = useState<string | null>(null);
  const insertLines = () =>
    setBody((current) => {
      const table = linesTableHtml({
        index: t('admin.print.lines.index'),
        product: t('admin.print.lines.product'),
        quantity: t('admin.print.lines.quantity'),
        price: t('admin.print.lines.price'),
        amount: t('admin.print.lines.amount'),
      });
      return `${current}${current.endsWith('\n') || current === '' ? '' : '\n'}${table}\n`;
    });
  return (
    <div className="template-editor">
      <TemplateForm kind="print" template={template} values={() => ({ module, body })} onSaved={onSaved}>
        {(errors) => (
          <>
            <ModuleRow
              value={module}
              onChange={(next) => {
                setModule(next);
                setRecordId(null);
              }}
              error={errors.module}
            />
            <FormRow label={t('admin.print.body')} error={errors.body} hint={t('admin.print.bodyHint')}>
              {(control) => (
                <MergeTextInput
                  control={control}
                  value={body}
                  onChange={setBody}
                  multiline
                  rows={14}
                  module={catalog[module]}
                  catalog={catalog}
                />
              )}
            </FormRow>
            {module === 'order' ? (
              <button type="button" className="btn btn--sm" onClick={insertLines}>
                {t('admin.print.insertLines')}
              </button>
            ) : null}
          </>
        )}
      </TemplateForm>
      <PdfPreview
        module={module}
        name={template?.name ?? ''}
        body={body}
        recordId={recordId}
        onRecord={setRecordId}
      />
    </div>
  );
}

/** The PDF the server renders for the draft, shown in the page; asked for on demand. */
function PdfPreview(props: {
  module: ModuleKey;
  name: string;
  body: string;
  recordId: string | null;
  onRecord: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const current = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
    },
    [],
  );
  const show = async () => {
    if (!props.recordId) return;
    setPending(true);
    setError(null);
    try {
      const blob = await renderPrintPreview({
        module: props.module,
        recordId: props.recordId,
        name: props.name,
        body: props.body,
        locale,
      });
      const next = URL.createObjectURL(blob);
      if (current.current) URL.revokeObjectURL(current.current);
      current.current = next;
      setUrl(next);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  // What the PDF still needs, said on the button that cannot make it yet.
  const missing = !props.recordId
    ? t('admin.print.needRecord')
    : !props.body.trim()
      ? t('admin.print.needBody')
      : null;
  return (
    <section className="card template-preview" aria-label={t('admin.print.previewTitle')}>
      <h3>{t('admin.print.previewTitle')}</h3>
      <RecordPicker module={props.module} value={props.recordId} onChange={props.onRecord} />
      <ReasonTip reason={missing}>
        {(unavailable) => (
          <button
            type="button"
            className="btn"
            onClick={() => {
              if (!missing) void show();
            }}
            disabled={pending}
            {...unavailable}
          >
            {pending ? t('admin.print.rendering') : t('admin.print.preview')}
          </button>
        )}
      </ReasonTip>
      {error ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
      {url ? (
        <iframe
          className="template-preview__frame template-preview__frame--pdf"
          title={t('admin.print.previewTitle')}
          src={url}
        />
      ) : (
        <p className="muted">{t('admin.print.previewEmpty')}</p>
      )}
    </section>
  );
}
