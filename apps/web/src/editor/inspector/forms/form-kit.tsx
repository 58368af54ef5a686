import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Field } from '../controls/Field.tsx';
import { draftConfig } from '../draft-config.ts';

/** What every node form receives: the node's stored config and a way to replace it. */
export interface NodeFormProps {
  raw: Record<string, unknown>;
  onChange: (config: Record<string, unknown>) => void;
}

/** The typed draft of a config (see `draftConfig`), kept while the stored config is the same. */
export function useDraft<S extends z.ZodType>(args: {
  schema: S;
  defaults: z.infer<S>;
  raw: Record<string, unknown>;
}): z.infer<S> {
  const { schema, raw } = args;
  // biome-ignore lint/correctness/useExhaustiveDependencies: defaults are rebuilt each render; the config decides.
  return useMemo(() => draftConfig(args).config, [schema, raw]);
}

/** The name every action carries ("Tên hành động"), shown in messages and the run history. */
export function NameField({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={t('editor.form.name')} path="name">
      {(control) => (
        <input
          {...control}
          className="input"
          type="text"
          value={value}
          maxLength={200}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
