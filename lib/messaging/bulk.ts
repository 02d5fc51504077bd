import type { Envelope, RequestType, Result } from './protocol';
import type { Requester } from './client';

/**
 * Requests that carry thousands of records (an import's parts, a restore's), or whose answers do
 * (the dashboard's book: every contact, every account), go to the worker by `postMessage`, which
 * structured-clones them both ways, instead of `runtime.sendMessage`, which turns each into a JSON
 * string first: measured in the dashboard page, 20 parts of 5,000 touches left 35 MB of such
 * strings behind, and 5 MB this way (README, Performance, session 9); the contacts view's kept
 * answer (10,000 rows) came back in 24-46 ms this way against 49-70 ms (session 17). Same
 * envelope, same router and checks in the worker (lib/background/listen.ts); only the
 * dashboard, an extension page, can reach the worker so.
 */
export const BULK_TYPES: ReadonlySet<RequestType> = new Set<RequestType>([
  'import.stage',
  'import.write',
  'book.accounts',
  'book.contacts',
  'book.bucket',
]);

/** `request`, with the bulk types sent by `postMessage` when this page can reach the service worker. */
export function withBulk(request: Requester): Requester {
  return (async (type, payload) => {
    if (!BULK_TYPES.has(type)) return request(type, payload);
    // Firefox runs the background as an event page: no service worker, so runtime messaging.
    const registration = await navigator.serviceWorker?.getRegistration();
    // Registered but not active yet (the extension just started): it will be.
    const worker = registration && (registration.active ?? (await navigator.serviceWorker.ready).active);
    if (!worker) return request(type, payload);
    return post(worker, { rapport: 1, type, payload });
  }) as Requester;
}

function post(worker: ServiceWorker, envelope: Envelope<RequestType>): Promise<Result<never>> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    const settle = (answer: Result<never>) => {
      port1.close();
      resolve(answer);
    };
    port1.onmessage = (event) =>
      settle(
        (event.data as Result<never> | undefined) ?? {
          ok: false,
          error: { code: 'failed', message: 'the background did not answer' },
        },
      );
    // A worker stopped before answering drops its end of the channel.
    port1.addEventListener('close', () =>
      settle({ ok: false, error: { code: 'failed', message: 'the background stopped before it answered' } }),
    );
    worker.postMessage(envelope, [port2]);
  });
}
