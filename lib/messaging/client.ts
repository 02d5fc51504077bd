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

/** The port a dashboard tab holds open while it reads a file for an import (the import id follows). */
export const IMPORT_PORT_PREFIX = 'rapport-import:';

/**
 * Keeps a port to the worker open under an import's id while this tab works on it, so the worker
 * sees the import as held (lib/background/import-journal.ts). A worker restarted meanwhile closes
 * the port; it is opened again until released.
 */
export function holdImportOpen(importId: string): { release(): void } {
  let released = false;
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  const open = () => {
    try {
      port = browser.runtime.connect({ name: `${IMPORT_PORT_PREFIX}${importId}` });
      port.onDisconnect.addListener(() => {
        if (!released) open();
      });
    } catch {
      // No worker to hold it (a component test): the import still runs.
    }
  };
  open();
  return {
    release() {
      released = true;
      port?.disconnect();
    },
  };
}
