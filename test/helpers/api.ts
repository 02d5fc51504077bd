import type { Requester } from '@/lib/messaging/client';
import type { RequestType, Result } from '@/lib/messaging/protocol';

type Call = { type: RequestType; payload: unknown };

/**
 * A requester for component tests that answers from a table of handlers, and records
 * every request so a test can assert what the component asked the background for.
 */
export function fakeApi(answers: Partial<Record<RequestType, (payload: never) => Result<unknown>>>) {
  const calls: Call[] = [];
  const request = (async (type: RequestType, payload: unknown) => {
    calls.push({ type, payload });
    const answer = answers[type];
    return answer
      ? answer(payload as never)
      : { ok: false, error: { code: 'failed', message: `no answer for ${type}` } };
  }) as Requester;
  return { request, calls };
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
