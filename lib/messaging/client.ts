import { browser } from 'wxt/browser';
// Types only: this module is bundled into content scripts, which must stay free of zod.
import type { Envelope, RequestOf, RequestType, ResponseOf, Result } from './protocol';

/** Sends one request to the background and always resolves with a result, never silence. */
export async function request<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<Result<ResponseOf<T>>> {
  const envelope: Envelope<T> = { rapport: 1, type, payload };
  try {
    const answer = (await browser.runtime.sendMessage(envelope)) as Result<ResponseOf<T>> | undefined;
    return answer ?? { ok: false, error: { code: 'failed', message: 'the background did not answer' } };
  } catch (error) {
    return { ok: false, error: { code: 'failed', message: `the background could not be reached: ${String(error)}` } };
  }
}

/** Like `request`, but throws on an error result: for callers that cannot go on without the answer. */
export async function requestOrThrow<T extends RequestType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const result = await request(type, payload);
  if (!result.ok) throw new Error(`${type}: ${result.error.message}`);
  return result.data;
}

export type Requester = typeof request;
