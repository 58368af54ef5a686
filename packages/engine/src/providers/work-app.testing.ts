import { createHmac, timingSafeEqual } from 'node:crypto';
import { type ReceivedRequest, startHttpReceiver } from './http-receiver.testing.ts';

type StoredTask = { id: string; idempotencyKey: string; body: Record<string, unknown> };

/** Whether a request carries our signature made with `credentials` (see signed-request.ts). */
function signedWith(request: ReceivedRequest, credentials: { apiKey: string; apiSecret: string }): boolean {
  if (request.headers['x-api-key'] !== credentials.apiKey) return false;
  const expected = `sha256=${createHmac('sha256', credentials.apiSecret)
    .update(`${request.headers['x-timestamp']}.${request.body}`)
    .digest('hex')}`;
  const given = Buffer.from(String(request.headers['x-signature'] ?? ''));
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}

/**
 * A small work app on 127.0.0.1, as the real one behaves: two projects with their groups, and
 * `POST /tasks` that keeps a task once per Idempotency-Key (a repeat gets the same task back).
 * `slowFirstMs` holds the first answer that long, as a slow app the sender gives up on.
 * With `credentials`, a request not signed with them is a 401. `projects` replaces the two;
 * the groups of a project whose id starts with `broken` answer something that is not a list.
 */
export async function startWorkApp(
  options: {
    slowFirstMs?: number;
    credentials?: { apiKey: string; apiSecret: string };
    projects?: { id: string; name: string }[];
  } = {},
) {
  const tasks: StoredTask[] = [];
  let answered = 0;
  const receiver = await startHttpReceiver((request) => {
    if (options.credentials && !signedWith(request, options.credentials)) {
      return { status: 401, body: { error: 'Sai chữ ký' } };
    }
    if (request.method === 'GET' && request.path === '/projects') {
      return {
        status: 200,
        body: {
          items: options.projects ?? [
            { id: 'p-kd', name: 'Kinh doanh' },
            { id: 'p-cskh', name: 'Chăm sóc khách hàng' },
          ],
        },
      };
    }
    const groups = /^\/projects\/([^/]+)\/groups$/.exec(request.path);
    if (request.method === 'GET' && groups?.[1]?.startsWith('broken')) {
      return { status: 200, body: { message: 'Dự án đang bảo trì' } };
    }
    if (request.method === 'GET' && groups) {
      return {
        status: 200,
        body: [
          { id: `${groups[1]}-g1`, name: 'Việc cần làm' },
          { id: `${groups[1]}-g2`, name: 'Đang làm' },
        ],
      };
    }
    if (request.method === 'POST' && request.path === '/tasks') {
      const key = String(request.headers['idempotency-key'] ?? '');
      let task = tasks.find((t) => t.idempotencyKey === key);
      if (!task) {
        task = { id: `T-${tasks.length + 1}`, idempotencyKey: key, body: JSON.parse(request.body) };
        tasks.push(task);
      }
      answered += 1;
      const delayMs = answered === 1 ? options.slowFirstMs : undefined;
      return {
        status: 201,
        body: { id: task.id, url: `https://work.example.vn/tasks/${task.id}` },
        ...(delayMs ? { delayMs } : {}),
      };
    }
    return { status: 404, body: { error: 'not found' } };
  });
  return { ...receiver, tasks };
}
