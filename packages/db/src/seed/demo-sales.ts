import { demoProducts, opportunityTopics, taskTopics } from './demo-catalog.ts';
import { type DemoContext, type DemoRecord, demoRecord, optionValues, ownerAt } from './demo-context.ts';
import type { DemoAccounts } from './demo-customers.ts';

export type OrderLine = { product_id: string; quantity: number; price: number };

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export function demoProductRecords(context: DemoContext): DemoRecord[] {
  const categories = optionValues('product', 'category');
  return demoProducts.map((product, index) => {
    if (!categories.includes(product.category)) throw new Error(`Unknown category ${product.category}`);
    return demoRecord(context, 'product', {
      code: `SP-${pad(index + 1, 3)}`,
      name: product.name,
      category: product.category,
      price: product.price,
    });
  });
}

function pickAccount(context: DemoContext, accounts: DemoAccounts) {
  const account = context.random.pick(accounts.records);
  const company = accounts.companyOf.get(account.id);
  if (!company) throw new Error('Every account has its company');
  return { account, company };
}

export function demoOpportunities(context: DemoContext, input: { accounts: DemoAccounts; count: number }) {
  const { random } = context;
  const stages = optionValues('opportunity', 'stage');
  return Array.from({ length: input.count }, () => {
    const { account, company } = pickAccount(context, input.accounts);
    return demoRecord(context, 'opportunity', {
      name: `${random.pick(opportunityTopics)} – ${company.short}`,
      account_id: account.id,
      stage: random.pick(stages),
      amount: random.int(2, 90) * 10_000_000,
      close_date: context.dayFromToday(random.int(-30, 90)),
      owner_id: account.ownerId,
    });
  });
}

/** 1–4 distinct products, each at its list price. */
function orderLines(context: DemoContext, products: readonly DemoRecord[]): OrderLine[] {
  const pool = [...products];
  return Array.from({ length: context.random.int(1, 4) }, () => {
    const [product] = pool.splice(context.random.int(0, pool.length - 1), 1);
    if (!product || typeof product.data.price !== 'number') throw new Error('Products carry a price');
    return { product_id: product.id, quantity: context.random.int(1, 10), price: product.data.price };
  });
}

/** Delivered orders are the common case; a few were cancelled; only recent ones are still drafts. */
const orderStatusWeights: Record<string, number> = { draft: 2, confirmed: 3, delivered: 4, cancelled: 1 };
const draftsAreRecent = 30;

export function demoOrders(
  context: DemoContext,
  input: {
    accounts: DemoAccounts;
    contacts: readonly DemoRecord[];
    products: readonly DemoRecord[];
    count: number;
  },
): DemoRecord[] {
  const { random } = context;
  const statuses = optionValues('order', 'status').flatMap((status) =>
    Array.from({ length: orderStatusWeights[status] ?? 1 }, () => status),
  );
  const settled = statuses.filter((status) => status !== 'draft');
  // Oldest first, so order numbers grow with the date as they would in a real shop.
  const daysAgo = Array.from({ length: input.count }, () => random.int(0, 89)).sort((a, b) => b - a);
  return daysAgo.map((ago, index) => {
    const { account } = pickAccount(context, input.accounts);
    const contact = random.pick(
      input.contacts.filter((candidate) => candidate.data.account_id === account.id),
    );
    const lines = orderLines(context, input.products);
    return demoRecord(context, 'order', {
      code: `ĐH-${pad(index + 1, 4)}`,
      account_id: account.id,
      contact_id: contact.id,
      order_date: context.dayFromToday(-ago),
      status: random.pick(ago > draftsAreRecent ? settled : statuses),
      total: lines.reduce((sum, line) => sum + line.quantity * line.price, 0),
      lines,
      revenue_status: 'none',
      owner_id: account.ownerId,
    });
  });
}

/** Tasks: the first `linked` follow up opportunities, the rest look after accounts. */
export function demoTasks(
  context: DemoContext,
  input: { accounts: DemoAccounts; opportunities: readonly DemoRecord[]; count: number; linked: number },
): DemoRecord[] {
  const { random } = context;
  const priorities = optionValues('task', 'priority');
  return Array.from({ length: input.count }, (_, index) => {
    const opportunity = index < input.linked ? input.opportunities[index] : undefined;
    const account =
      input.accounts.records.find((candidate) => candidate.id === opportunity?.data.account_id) ??
      pickAccount(context, input.accounts).account;
    const company = input.accounts.companyOf.get(account.id);
    const topic = taskTopics[index % taskTopics.length];
    if (!company || !topic) throw new Error('Every account has its company');
    const done = index % 4 === 1;
    return demoRecord(context, 'task', {
      title: `${topic.title} – ${company.short}`,
      description: `Liên hệ ${company.name} để ${topic.title.toLowerCase()}.`,
      status: done ? 'done' : 'open',
      due_date: context.dayFromToday(done ? random.int(-10, -1) : random.int(0, 14)),
      task_type: topic.taskType,
      priority: random.pick(priorities),
      ...(opportunity ? { opportunity_id: opportunity.id } : {}),
      account_id: account.id,
      owner_id: opportunity?.ownerId ?? ownerAt(context, index),
    });
  });
}
