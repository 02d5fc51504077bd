// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type SettingsPatch } from '@/lib/shared/model';
import { ok } from '../../helpers/api';
import { renderDashboardWith } from '../../helpers/dashboard';

const counts = { sellers: 0, accounts: 0, contacts: 0, touches: 0, purchases: 0, followUps: 0 };

function renderDashboard(hash: string, update = (patch: SettingsPatch) => ok({ ...DEFAULT_SETTINGS, ...patch })) {
  return renderDashboardWith(hash, {
    'settings.get': () => ok(DEFAULT_SETTINGS),
    'settings.update': update as never,
    'data.counts': () => ok(counts),
  });
}

afterEach(cleanup);

describe('onboarding', () => {
  it('skipping records only that onboarding is done, and shows the overview', async () => {
    const api = renderDashboard('#onboarding');
    fireEvent.click(await screen.findByTestId('onboarding-skip'));
    await waitFor(() => expect(location.hash).toBe('#overview'));
    const saved = api.calls.find((c) => c.type === 'settings.update')?.payload as SettingsPatch;
    expect(Object.keys(saved)).toEqual(['onboardedAt']);
  });

  it('proposes the work domain as internal while the seller types, never free mail', async () => {
    renderDashboard('#onboarding');
    const emails = await screen.findByLabelText('Work e-mail address(es)');
    fireEvent.input(emails, { target: { value: 'me@eu.ourco.com, me@gmail.com' } });
    // The domain lists load on the first address typed: the proposal follows a moment later.
    await waitFor(() =>
      expect((screen.getByLabelText('Internal domains') as HTMLInputElement).value).toBe('ourco.com'),
    );
  });

  it('keeps internal domains the seller edited by hand', async () => {
    renderDashboard('#onboarding');
    fireEvent.input(await screen.findByLabelText('Internal domains'), { target: { value: 'team.example' } });
    fireEvent.input(screen.getByLabelText('Work e-mail address(es)'), { target: { value: 'me@ourco.com' } });
    expect((screen.getByLabelText('Internal domains') as HTMLInputElement).value).toBe('team.example');
  });

  it('shows the background’s error and stays on the form', async () => {
    renderDashboard(
      '#onboarding',
      () => ({ ok: false, error: { code: 'invalid', message: 'digestTime: expected HH:MM' } }) as never,
    );
    fireEvent.click(await screen.findByTestId('onboarding-save'));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'digestTime: expected HH:MM');
    expect(screen.getByTestId('onboarding')).toBeTruthy();
  });
});

describe('overview', () => {
  it('asks the seller to set up Rapport until onboarding is done', async () => {
    renderDashboard('#overview');
    expect(await screen.findByText('Set up Rapport')).toHaveProperty('href', expect.stringContaining('#onboarding'));
    expect((await screen.findByTestId('count-contacts')).textContent).toContain('0');
  });
});
