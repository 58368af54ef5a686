export {
  isUuid,
  loadMergeSource,
  loadPeople,
  type MergeSource,
  mergeText,
  type Person,
  userDirectory,
} from './merge-source.ts';
export {
  type ChosenProvider,
  chooseProvider,
  findProviderRow,
  type ProviderChoice,
  type ProviderRowFull,
  SYSTEM_EMAIL_PROVIDER,
  WebhookEndpointConfig,
  WebhookSecrets,
  webhookSecretOf,
} from './message-provider.ts';
export { configureMessaging, type MessagingSettings, messagingSettings } from './messaging-settings.ts';
export { expandPrintLines, printLineFields, unknownLineKeys } from './print-lines.ts';
export {
  type PrintFormat,
  type PrintTemplateText,
  printFileName,
  renderPrintDocument,
  renderPrintHtml,
} from './print-render.ts';
export { secretKeyFromText } from './secret-key.ts';
