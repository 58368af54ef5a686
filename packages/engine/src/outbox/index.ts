export {
  type DeliverOnceInput,
  type DeliverOnceOutcome,
  deliverOnce,
  type OutboxAttachment,
  type OutboxChannel,
  type OutboxRow,
} from './deliver-once.ts';
