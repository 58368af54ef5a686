import { ModuleKey } from '@crmflow/flow';
import { type ReactNode, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateNeed } from '../api/gallery.ts';
import { providerKinds } from '../api/providers.ts';
import { useUsers } from '../api/users.ts';
import {
  useAllocationRules,
  useMessageTemplates,
  useProviders,
  useZnsTemplates,
} from '../api/workflow-resources.ts';
import { CreateNow, ProviderCreator, RuleCreator } from './InlineCreators.tsx';

export interface NeedChoiceProps {
  need: TemplateNeed;
  label: string;
  /** Undefined until a default is chosen; empty when left open. */
  value: string | undefined;
  onChange: (value: string) => void;
}

type Option = { id: string; name: string; isDefault?: boolean | undefined };

/** A select of the organization's items, its default chosen once the list is there. */
function ChoiceSelect(
  props: NeedChoiceProps & {
    options: Option[];
    known: boolean;
    preferred?: string | undefined;
    extra?: ReactNode;
  },
) {
  const { t } = useTranslation();
  const id = useId();
  const { value, onChange, options, known, preferred } = props;
  useEffect(() => {
    if (value !== undefined || !known) return;
    onChange(preferred ?? options.find((option) => option.isDefault)?.id ?? options[0]?.id ?? '');
  }, [value, known, options, preferred, onChange]);
  return (
    <div className="field" data-need={props.need.placeholder}>
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      <select
        id={id}
        className="select"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('templateGallery.use.none')}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
            {option.isDefault ? ` ${t('templateGallery.use.defaultMark')}` : ''}
          </option>
        ))}
      </select>
      {known && options.length === 0 ? (
        <p className="field__hint">{t('templateGallery.use.noneAvailable')}</p>
      ) : null}
      {props.extra}
    </div>
  );
}

function ProviderChoice(props: NeedChoiceProps) {
  const { t } = useTranslation();
  const providers = useProviders();
  const options = providers.items.filter((provider) => provider.kind === props.need.scope);
  const kind = providerKinds.find((known) => known === props.need.scope);
  const hint =
    providers.known && options.length === 0 ? (
      <p className="field__hint">{t('templateGallery.use.providersHint')}</p>
    ) : null;
  const creator = kind ? (
    <CreateNow>
      {(done) => (
        <ProviderCreator
          kind={kind}
          title={t('templateGallery.use.createProvider', { what: props.label })}
          onCreated={props.onChange}
          onDone={done}
        />
      )}
    </CreateNow>
  ) : null;
  return (
    <ChoiceSelect
      {...props}
      options={options}
      known={providers.known}
      extra={
        <>
          {hint}
          {creator}
        </>
      }
    />
  );
}

function MessageTemplateChoice(props: NeedChoiceProps & { kind: 'email' | 'sms' | 'print' }) {
  const module = ModuleKey.safeParse(props.need.scope).data ?? 'order';
  const list = useMessageTemplates({ kind: props.kind, module });
  return <ChoiceSelect {...props} options={list.items} known={list.known} />;
}

function ZnsChoice(props: NeedChoiceProps) {
  const list = useZnsTemplates();
  const wanted = props.need.scope.split('__');
  const fits = list.items.find(
    (item) =>
      item.params.length === wanted.length && item.params.every((param) => wanted.includes(param.key)),
  );
  return <ChoiceSelect {...props} options={list.items} known={list.known} preferred={fits?.id} />;
}

function UserChoice(props: NeedChoiceProps) {
  const users = useUsers();
  const active = (users.data ?? []).filter((user) => user.active);
  const lead = active.find((user) => user.role !== 'member');
  return <ChoiceSelect {...props} options={active} known={users.isSuccess} preferred={lead?.id} />;
}

/** An allocation rule of the module, or one made now with the settings' rule form. */
function RuleChoice(props: NeedChoiceProps) {
  const { t } = useTranslation();
  const module = ModuleKey.safeParse(props.need.scope).data ?? 'lead';
  const rules = useAllocationRules(module);
  const active = rules.items.filter((rule) => rule.active);
  const creator = (
    <CreateNow>
      {(done) => (
        <RuleCreator
          module={module}
          title={t('templateGallery.use.createRule')}
          namePlaceholder={props.label}
          onCreated={props.onChange}
          onDone={done}
        />
      )}
    </CreateNow>
  );
  return <ChoiceSelect {...props} options={active} known={rules.known} extra={creator} />;
}

function WebhookChoice(props: NeedChoiceProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field" data-need={props.need.placeholder}>
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        className="input"
        type="url"
        value={props.value ?? ''}
        placeholder={t('templateGallery.use.webhookPlaceholder')}
        onChange={(event) => props.onChange(event.target.value.trim())}
      />
    </div>
  );
}

/** The field that resolves one placeholder of a template, by what it stands for. */
export function NeedChoice(props: NeedChoiceProps) {
  switch (props.need.what) {
    case 'provider':
      return <ProviderChoice {...props} />;
    case 'printTemplate':
      return <MessageTemplateChoice {...props} kind="print" />;
    case 'emailTemplate':
      return <MessageTemplateChoice {...props} kind="email" />;
    case 'smsTemplate':
      return <MessageTemplateChoice {...props} kind="sms" />;
    case 'znsTemplate':
      return <ZnsChoice {...props} />;
    case 'allocationRule':
      return <RuleChoice {...props} />;
    case 'user':
      return <UserChoice {...props} />;
    case 'webhook':
      return <WebhookChoice {...props} />;
  }
}
