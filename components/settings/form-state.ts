import { type Signal, signal } from '@preact/signals';
import type { Settings, SettingsPatch, ValueTier } from '@/lib/shared/model';

export const TIERS: readonly ValueTier[] = ['high', 'medium', 'low'];

/** Splits what a person types into a list field: commas, semicolons, spaces or new lines. */
export const splitList = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * The settings form as text fields. Internal domains follow the work addresses until the
 * seller edits them by hand; after that they are the seller's.
 */
export function createSettingsForm(initial: Settings) {
  const fields = {
    name: signal(initial.me.name),
    emails: signal(initial.me.emails.join(', ')),
    crmOwnerName: signal(initial.me.crmOwnerName),
    linkedinId: signal(initial.me.linkedinId ?? ''),
    internalDomains: signal(initial.internalDomains.join(', ')),
    ignoredAddresses: signal(initial.ignoredAddresses.join('\n')),
    cadence: Object.fromEntries(
      TIERS.map((tier) => [
        tier,
        {
          idealDays: signal(String(initial.cadence[tier]?.idealDays ?? '')),
          maxDays: signal(String(initial.cadence[tier]?.maxDays ?? '')),
        },
      ]),
    ) as Record<ValueTier, { idealDays: Signal<string>; maxDays: Signal<string> }>,
    digestTime: signal(initial.digestTime),
    inboxMarkers: signal(initial.inboxMarkers),
    followUpsPerDay: signal(String(initial.followUpsPerDay)),
    namesInNotifications: signal(initial.namesInNotifications),
    gmailInSidePanel: signal(initial.gmailInSidePanel),
  };
  let domainsEdited = initial.internalDomains.length > 0;

  function setEmails(text: string) {
    fields.emails.value = text;
    if (domainsEdited) return;
    // The public-suffix and free-mail lists are a third of the dashboard's code: they load the
    // first time the seller types an address (a local chunk, milliseconds), not with every page.
    void import('@/lib/shared/domains').then(({ defaultInternalDomains }) => {
      if (!domainsEdited && fields.emails.value === text) {
        fields.internalDomains.value = defaultInternalDomains(splitList(text)).join(', ');
      }
    });
  }

  function setInternalDomains(text: string) {
    domainsEdited = true;
    fields.internalDomains.value = text;
  }

  /** Takes a domain out of the list (a proposal the seller declines); saving makes it stick. */
  function removeInternalDomain(domain: string) {
    setInternalDomains(
      splitList(fields.internalDomains.value)
        .filter((d) => d !== domain)
        .join(', '),
    );
  }

  /** The patch to send; the background validates it and answers with what is wrong. */
  function toPatch(): SettingsPatch {
    const linkedinId = fields.linkedinId.value
      .trim()
      .replace(/^.*linkedin\.com\/in\//i, '')
      .replace(/\/.*$/, '');
    return {
      me: {
        name: fields.name.value,
        emails: splitList(fields.emails.value),
        crmOwnerName: fields.crmOwnerName.value,
        ...(linkedinId ? { linkedinId } : {}),
      },
      internalDomains: splitList(fields.internalDomains.value),
      ignoredAddresses: splitList(fields.ignoredAddresses.value).map((a) => a.toLowerCase()),
      cadence: Object.fromEntries(
        TIERS.map((tier) => [
          tier,
          {
            idealDays: Number(fields.cadence[tier].idealDays.value),
            maxDays: Number(fields.cadence[tier].maxDays.value),
          },
        ]),
      ) as Settings['cadence'],
      digestTime: fields.digestTime.value,
      inboxMarkers: fields.inboxMarkers.value,
      followUpsPerDay: Number(fields.followUpsPerDay.value),
      namesInNotifications: fields.namesInNotifications.value,
      gmailInSidePanel: fields.gmailInSidePanel.value,
    };
  }

  return {
    fields,
    /** Internal domains Rapport added from the seller's Gmail account, shown as proposals. */
    proposed: initial.proposedInternalDomains,
    setEmails,
    setInternalDomains,
    removeInternalDomain,
    toPatch,
  };
}

export type SettingsForm = ReturnType<typeof createSettingsForm>;
