import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Requester } from '@/lib/messaging/client';

/**
 * Components talk to the background only through this requester, handed in by the
 * entrypoint: they import no browser API, so they render the same in unit tests.
 */
export const ApiContext = createContext<Requester | null>(null);

export function useApi(): Requester {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiContext is missing: wrap the tree in <ApiContext.Provider>');
  return api;
}
