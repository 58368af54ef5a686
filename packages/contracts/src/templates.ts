import { FlowGraph, ModuleKey, TemplateNeed, WorkflowKind } from '@crmflow/flow';
import { z } from 'zod';

/** The gallery of workflow templates (Quy trình làm việc mẫu): built in, and the organization's own. */

export const GalleryTemplate = z
  .object({
    id: z.uuid(),
    module: ModuleKey,
    kind: WorkflowKind,
    nameVi: z.string(),
    nameEn: z.string().describe('Empty when an organization’s template has no English name: show `nameVi`'),
    descriptionVi: z.string(),
    descriptionEn: z.string().describe('Empty when there is no English description: show `descriptionVi`'),
    category: z.string(),
    builtIn: z.boolean().describe('Offered to every organization, read-only'),
    graph: FlowGraph.describe(
      'Step texts in the caller’s language; `{{…}}` values are filled with the organization’s own when the template is used',
    ),
    needs: z.array(TemplateNeed),
    createdAt: z.iso.datetime(),
  })
  .describe('A workflow template of the gallery (Quy trình làm việc mẫu)');
export type GalleryTemplate = z.infer<typeof GalleryTemplate>;

/** `GET /templates`. */
export const GalleryQuery = z.object({ module: ModuleKey.optional(), kind: WorkflowKind.optional() });
export type GalleryQuery = z.infer<typeof GalleryQuery>;

export const GalleryList = z.object({ items: z.array(GalleryTemplate) }).describe('The templates');
export type GalleryList = z.infer<typeof GalleryList>;

/** `POST /templates/:id/use`. */
export const TemplateChoices = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    choices: z
      .record(z.string().max(200), z.string().max(2000))
      .default({})
      .describe(
        'A value for each placeholder (`{{provider:sms}}` → provider id, `{{webhook:url}}` → address); an empty one is left open. A placeholder not given takes the organization’s default.',
      ),
    smsTemplates: z
      .record(z.string().max(200), z.uuid())
      .default({})
      .describe('An SMS template for a `send_sms` step, by step id, instead of the step’s own text'),
    emailTemplates: z
      .record(z.string().max(200), z.uuid())
      .default({})
      .describe('An email template for a `send_email` step, by step id, instead of the step’s own texts'),
  })
  .default({ choices: {}, smsTemplates: {}, emailTemplates: {} });
export type TemplateChoices = z.infer<typeof TemplateChoices>;

const TemplateName = z.string().trim().min(1).max(200);
const TemplateDescription = z.string().trim().max(2000);
/** An English name is optional: left empty, readers in English see the Vietnamese one. */
const EnglishName = z.string().trim().max(200);

/** A text in Vietnamese, or in both languages; a plain string is the Vietnamese one. */
const inLanguages = <V extends z.ZodString, E extends z.ZodString>(vi: V, en: E, what: string) =>
  z.union([vi, z.object({ vi, en: en.optional() })]).describe(`${what}: a Vietnamese string, or {vi, en}`);

/** `PATCH /templates/:id`: the name and description of one of the organization's templates. */
export const TemplateCard = z.object({
  name: inLanguages(TemplateName, EnglishName, 'The template’s name'),
  description: inLanguages(TemplateDescription, TemplateDescription, 'What the template does').default(''),
});
export type TemplateCard = z.infer<typeof TemplateCard>;

/** `POST /templates`: a workflow kept as a template of the organization. */
export const SaveAsTemplate = TemplateCard.extend({ workflowId: z.uuid() });
export type SaveAsTemplate = z.infer<typeof SaveAsTemplate>;

/** A template as a file: what export writes and import reads. */
export const TemplateFile = z
  .object({
    format: z.literal('crmflow.template'),
    version: z.literal(1),
    module: ModuleKey,
    kind: WorkflowKind,
    nameVi: TemplateName,
    nameEn: EnglishName.default('').describe('Empty when the template has no English name'),
    descriptionVi: TemplateDescription.default(''),
    descriptionEn: TemplateDescription.default(''),
    graph: FlowGraph,
    graphEn: FlowGraph.optional(),
  })
  .describe('A workflow template as JSON; `graph` follows the workflow graph schema');
export type TemplateFile = z.infer<typeof TemplateFile>;
