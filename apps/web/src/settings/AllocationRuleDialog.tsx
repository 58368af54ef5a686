import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type AllocationRuleView, useSaveAllocationRule } from '../api/allocation-rules.ts';
import { Dialog } from '../components/Dialog.tsx';
import { AllocationRuleForm } from './AllocationRuleForm.tsx';

/** Adds or edits an allocation rule: name, module (fixed once made), users in order, on or off. */
export function AllocationRuleDialog({ rule, onClose }: { rule?: AllocationRuleView; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const save = useSaveAllocationRule();

  return (
    <Dialog
      title={rule ? t('rules.editTitle', { name: rule.name }) : t('rules.addTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="btn btn--primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </>
      }
    >
      <AllocationRuleForm formId={formId} rule={rule} save={save} onSaved={onClose} />
    </Dialog>
  );
}
