import { render } from '@testing-library/preact';
import { ApiContext } from '@/components/common/api';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { fakeApi } from './api';

/** The dashboard at `hash`, answering from a fake background; returns it to assert the calls. */
export function renderDashboardWith(hash: string, answers: Parameters<typeof fakeApi>[0]) {
  location.hash = hash;
  const api = fakeApi(answers);
  render(
    <ApiContext.Provider value={api.request}>
      <Dashboard openUrl={() => {}} askForOrigin={async () => {}} />
    </ApiContext.Provider>,
  );
  return api;
}
