import { render } from '@crmflow/flow';
import { useMemo } from 'react';
import type { z } from 'zod';
import { useLocale } from '../../../i18n/useLocale.ts';
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

/**
 * The name every action carries ("Tên hành động"), shown in messages and the run history: the
 * hand-written forms' copy of the declared `nameWidget`, with its text from the same catalogue.
 */
export function NameField({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const locale = useLocale();
  return (
    <Field label={render(locale, 'form.name')} path="name">
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
