import { render } from 'preact';
import '@/components/common/page.css';
import { ApiContext } from '@/components/common/api';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { request } from '@/lib/messaging/client';

render(
  <ApiContext.Provider value={request}>
    <Dashboard />
  </ApiContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
