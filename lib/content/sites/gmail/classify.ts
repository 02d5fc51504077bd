import type { Person } from './address';
import { type AddressKind, classifyAddress, type Self } from '@/lib/shared/participants';

export {
  type AddressKind,
  classifyAddress,
  isInternalDomain,
  makeSelf,
  type Self,
  type SelfInput,
} from '@/lib/shared/participants';

/**
 * `outbound`: the seller sent it. `inbound`: an external person sent it. `colleague`: someone at
 * an internal domain sent it. `unknown`: no sender could be read.
 */
export type MessageDirection = 'outbound' | 'inbound' | 'colleague' | 'unknown';

export function messageDirection(sender: string | undefined, self: Self): MessageDirection {
  if (!sender) return 'unknown';
  const kind = classifyAddress(sender, self);
  return kind === 'me' ? 'outbound' : kind === 'colleague' ? 'colleague' : 'inbound';
}

export interface ClassifiedPerson extends Person {
  kind: AddressKind;
}

export interface ClassifiedMessage {
  direction: MessageDirection;
  sender?: ClassifiedPerson;
  recipients: ClassifiedPerson[];
  /** The external people on the message (sender or recipients), once each: the customers to record. */
  externals: Person[];
}

/** Everyone on one message sorted into me / colleague / external, plus the message's direction. */
export function classifyMessage(
  message: { sender?: Person; recipients?: readonly Person[] },
  self: Self,
): ClassifiedMessage {
  const tag = (p: Person): ClassifiedPerson => ({ ...p, kind: classifyAddress(p.email, self) });
  const sender = message.sender ? tag(message.sender) : undefined;
  const recipients = (message.recipients ?? []).map(tag);
  const externals = new Map<string, Person>();
  for (const p of [...(sender ? [sender] : []), ...recipients]) {
    if (p.kind === 'external' && !externals.has(p.email))
      externals.set(p.email, p.name ? { email: p.email, name: p.name } : { email: p.email });
  }
  return {
    direction: messageDirection(message.sender?.email, self),
    ...(sender ? { sender } : {}),
    recipients,
    externals: [...externals.values()],
  };
}
