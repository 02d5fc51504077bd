import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { Field } from './Field';
import type { SettingsForm } from './form-state';
import { splitList, TIERS } from './form-state';

const TIER_LABEL = { high: 'High value', medium: 'Medium value', low: 'Low value' } as const;

type Input = { currentTarget: HTMLInputElement };

/**
 * The fields the seller fills in, shared by onboarding and the settings page; `lists` adds what
 * only the settings page edits (the ignored addresses).
 */
export function SettingsFields({ form, lists = false }: { form: SettingsForm; lists?: boolean }) {
  const { fields } = form;
  const text = (s: { value: string }) => (e: Input) => {
    s.value = e.currentTarget.value;
  };
  return (
    <>
      <fieldset>
        <legend>You</legend>
        <Field label="Your name">
          {(a) => <input {...a} name="name" value={fields.name} onInput={text(fields.name)} autoComplete="name" />}
        </Field>
        <Field label="Work e-mail address(es)" hint="Separate several with commas. Mail from these addresses is yours.">
          {(a) => (
            <input
              {...a}
              name="emails"
              value={fields.emails}
              onInput={(e: Input) => form.setEmails(e.currentTarget.value)}
              placeholder="you@company.com"
            />
          )}
        </Field>
        <Field label='Your name as "owner" in CRM exports'>
          {(a) => <input {...a} name="crmOwnerName" value={fields.crmOwnerName} onInput={text(fields.crmOwnerName)} />}
        </Field>
        <Field
          label="Your LinkedIn public id"
          hint="The part after linkedin.com/in/. Typed by you; Rapport never reads it from LinkedIn."
        >
          {(a) => (
            <input
              {...a}
              name="linkedinId"
              value={fields.linkedinId}
              onInput={text(fields.linkedinId)}
              placeholder="jane-doe"
            />
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>Your team</legend>
        <Field
          label="Internal domains"
          hint="People at these domains are colleagues, not customers. Free-mail domains are never proposed."
        >
          {(a) => (
            <input
              {...a}
              name="internalDomains"
              value={fields.internalDomains}
              onInput={(e: Input) => form.setInternalDomains(e.currentTarget.value)}
              placeholder="company.com"
            />
          )}
        </Field>
        {form.proposed
          .filter((domain) => splitList(fields.internalDomains.value).includes(domain))
          .map((domain) => (
            <p class="hint" key={domain} data-testid="internal-domain-proposal" data-domain={domain}>
              <strong>{domain}</strong> was added from your Gmail account: people there count as colleagues.{' '}
              <button
                type="button"
                class="link"
                data-testid="internal-domain-remove"
                onClick={() => form.removeInternalDomain(domain)}
              >
                Not colleagues? Remove
              </button>
            </p>
          ))}
      </fieldset>
      {lists && (
        <fieldset>
          <legend>Never shown</legend>
          <Field
            label="Ignored addresses"
            hint="One per line. Rapport never lists these people (newsletters, no-reply senders); Ignore in the sidebar adds one."
          >
            {(a) => (
              <textarea
                {...a}
                name="ignoredAddresses"
                data-testid="ignored-addresses"
                rows={4}
                value={fields.ignoredAddresses}
                onInput={(e: { currentTarget: HTMLTextAreaElement }) => {
                  fields.ignoredAddresses.value = e.currentTarget.value;
                }}
              />
            )}
          </Field>
        </fieldset>
      )}
      <fieldset>
        <legend>Rhythm</legend>
        <table class="cadence">
          <caption>Days between two-way contacts, by value tier</caption>
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Ideal gap</th>
              <th scope="col">Longest gap</th>
            </tr>
          </thead>
          <tbody>
            {TIERS.map((tier) => (
              <tr key={tier}>
                <th scope="row">{TIER_LABEL[tier]}</th>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={180}
                    name={`cadence-${tier}-ideal`}
                    aria-label={`${TIER_LABEL[tier]}: ideal gap in days`}
                    value={fields.cadence[tier].idealDays}
                    onInput={text(fields.cadence[tier].idealDays)}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={180}
                    name={`cadence-${tier}-max`}
                    aria-label={`${TIER_LABEL[tier]}: longest gap in days`}
                    value={fields.cadence[tier].maxDays}
                    onInput={text(fields.cadence[tier].maxDays)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Field
          label="New overdue follow-ups a day"
          hint="After an import, more than this many overdue at once are spread over the coming working days. Replies owed never move."
        >
          {(a) => (
            <input
              {...a}
              type="number"
              min={1}
              max={500}
              name="followUpsPerDay"
              value={fields.followUpsPerDay}
              onInput={text(fields.followUpsPerDay)}
            />
          )}
        </Field>
        <Field label="Daily digest at">
          {(a) => (
            <input {...a} type="time" name="digestTime" value={fields.digestTime} onInput={text(fields.digestTime)} />
          )}
        </Field>
        <Check name="inboxMarkers" value={fields.inboxMarkers}>
          Mark tracked senders in the Gmail inbox
        </Check>
        <Check name="namesInNotifications" value={fields.namesInNotifications}>
          Show names in notifications (off: only how many are due, for a screen others can see)
        </Check>
        <Check name="gmailInSidePanel" value={fields.gmailInSidePanel} testId="gmail-in-side-panel">
          On Gmail too, show Rapport in the browser's side panel instead of beside the mail (from the next Gmail page
          you open)
        </Check>
      </fieldset>
    </>
  );
}

/** A yes/no setting: a checkbox bound to its signal, its words beside it. */
function Check({
  name,
  value,
  testId,
  children,
}: {
  name: string;
  value: Signal<boolean>;
  testId?: string;
  children: ComponentChildren;
}) {
  return (
    <label class="inline">
      <input
        type="checkbox"
        name={name}
        data-testid={testId}
        checked={value}
        onChange={(e: Input) => {
          value.value = e.currentTarget.checked;
        }}
      />
      {children}
    </label>
  );
}
