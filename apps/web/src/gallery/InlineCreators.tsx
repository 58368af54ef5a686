import type { ModuleKey } from '@crmflow/flow';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveAllocationRule } from '../api/allocation-rules.ts';
import { type ProviderKind, useSaveProvider } from '../api/providers.ts';
import { AllocationRuleForm } from '../settings/AllocationRuleForm.tsx';
import { SigningSecret } from '../settings/ProviderDialog.tsx';
import { ProviderForm } from '../settings/ProviderForm.tsx';

/**
 * "Tạo mới ngay" in the "Dùng mẫu" dialog: the settings' own provider and allocation-rule forms,
 * opened under the choice they fill. What is saved is chosen at once.
 */

function CreateBox(props: {
  title: string;
  formId: string;
  busy: boolean;
  testId: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="template-use__create" data-testid={props.testId}>
      <legend>{props.title}</legend>
      {props.children}
      <div className="template-use__create-actions">
        <button type="button" className="btn btn--ghost btn--sm" onClick={props.onCancel}>
          {t('templateGallery.use.createCancel')}
        </button>
        <button type="submit" form={props.formId} className="btn btn--sm" disabled={props.busy}>
          {props.busy ? t('templateGallery.use.creating') : t('templateGallery.use.createAndChoose')}
        </button>
      </div>
    </fieldset>
  );
}

/** A "Tạo mới ngay" button that opens the creator it is given, and closes it once it is done. */
export function CreateNow(props: { children: (close: () => void) => ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (open) return props.children(() => setOpen(false));
  return (
    <button type="button" className="btn btn--ghost btn--sm" onClick={() => setOpen(true)}>
      {t('templateGallery.use.createNow')}
    </button>
  );
}

export function ProviderCreator(props: {
  kind: ProviderKind;
  title: string;
  onCreated: (id: string) => void;
  onDone: () => void;
}) {
  const formId = useId();
  const save = useSaveProvider();
  const [secret, setSecret] = useState<string | null>(null);
  // A new webhook endpoint's signing secret comes back once: it stays shown until read.
  if (secret) return <SigningSecret secret={secret} onDone={props.onDone} />;
  return (
    <CreateBox
      title={props.title}
      formId={formId}
      busy={save.isPending}
      testId="create-provider"
      onCancel={props.onDone}
    >
      <ProviderForm
        formId={formId}
        kind={props.kind}
        save={save}
        onSaved={(saved) => {
          props.onCreated(saved.id);
          if (saved.signingSecret) setSecret(saved.signingSecret);
          else props.onDone();
        }}
      />
    </CreateBox>
  );
}

export function RuleCreator(props: {
  module: ModuleKey;
  title: string;
  namePlaceholder: string;
  onCreated: (id: string) => void;
  onDone: () => void;
}) {
  const formId = useId();
  const save = useSaveAllocationRule();
  return (
    <CreateBox
      title={props.title}
      formId={formId}
      busy={save.isPending}
      testId="create-rule"
      onCancel={props.onDone}
    >
      <AllocationRuleForm
        formId={formId}
        module={props.module}
        fixedModule
        namePlaceholder={props.namePlaceholder}
        save={save}
        onSaved={(rule) => {
          props.onCreated(rule.id);
          props.onDone();
        }}
      />
    </CreateBox>
  );
}
