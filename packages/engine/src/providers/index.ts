export {
  captureEmailProvider,
  captureSmsProvider,
  captureWebhookSender,
  captureZnsProvider,
} from './capture.provider.ts';
export {
  HttpGatewayConfig,
  HttpGatewaySecrets,
  httpSmsProvider,
  httpZnsProvider,
  listGatewayZnsTemplates,
} from './http-gateway.provider.ts';
export {
  assertConnectedAddress,
  assertHostAllowed,
  guardedConnect,
  guardedLookup,
  guardedRequest,
  isLocalName,
  OutboundError,
  outboundFailure,
  privateNetworkAllowed,
  requestFailure,
  serverAllowsPrivateNetwork,
} from './outbound-guard.ts';
export {
  type ProviderHandle,
  type ProviderLookup,
  type ProviderRow,
  providerFor,
  providerSettings,
  sealProviderSecrets,
} from './provider-factory.ts';
export type {
  DeliveryFailure,
  DeliveryResult,
  EmailAttachment,
  EmailMessage,
  EmailProvider,
  ListedZnsTemplate,
  ListedZnsTemplates,
  SmsMessage,
  SmsProvider,
  WebhookRequest,
  WebhookSender,
  ZnsMessage,
  ZnsProvider,
} from './provider-types.ts';
export {
  emailProviderOverSmtp,
  messageIdFor,
  SmtpConfig,
  SmtpSecrets,
  smtpEmailProvider,
} from './smtp-email.provider.ts';
export { type SystemEmailEnv, systemEmailProvider } from './system-email.provider.ts';
export { httpWebhookSender, postWebhook } from './webhook.provider.ts';
export { signWebhook, verifyWebhookSignature } from './webhook-signature.ts';
export {
  type SyncedTask,
  type WorkAppClient,
  WorkAppConfig,
  type WorkAppItem,
  type WorkAppList,
  WorkAppSecrets,
  workAppClient,
} from './work-app.provider.ts';
export {
  SURVEY_GROUP_LIMIT,
  type SurveyedProject,
  surveyWorkApp,
  type WorkAppSurvey,
} from './work-app-survey.ts';
