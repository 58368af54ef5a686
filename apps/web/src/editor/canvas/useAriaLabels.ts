import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** React Flow's own accessible texts (controls, minimap, keyboard help), in the user's language. */
export function useAriaLabels(): Partial<AriaLabelConfig> {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts change with the language only.
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('editor.aria.node'),
      'node.a11yDescription.keyboardDisabled': t('editor.aria.nodeKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({
        direction,
        x,
        y,
      }: {
        direction: string;
        x: number;
        y: number;
      }) => t('editor.aria.moved', { direction, x, y }),
      'edge.a11yDescription.default': t('editor.aria.edge'),
      'controls.ariaLabel': t('editor.aria.controls'),
      'controls.zoomIn.ariaLabel': t('editor.aria.zoomIn'),
      'controls.zoomOut.ariaLabel': t('editor.aria.zoomOut'),
      'controls.fitView.ariaLabel': t('editor.aria.fitView'),
      'controls.interactive.ariaLabel': t('editor.aria.interactive'),
      'minimap.ariaLabel': t('editor.aria.minimap'),
      'handle.ariaLabel': t('editor.aria.handle'),
    }),
    [i18n.language],
  );
}
