import { render } from 'preact';
import type { Requester } from '@/lib/messaging/client';
import { ApiContext } from '../common/api';
import { Sidebar } from './Sidebar';
import type { SidebarState } from './state';

/** Renders the sidebar into its shadow-root container; returns the unmount function. */
export function renderSidebar(container: HTMLElement, state: SidebarState, request: Requester): () => void {
  render(
    <ApiContext.Provider value={request}>
      <Sidebar state={state} />
    </ApiContext.Provider>,
    container,
  );
  return () => render(null, container);
}
