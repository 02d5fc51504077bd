import { dateTime } from '../common/words';

/**
 * Says so while a view shows the last answer kept (lib/background/views.ts) and today's is on
 * its way: the seller reads numbers at once and knows they may still move.
 */
export function AsOf({ data }: { data: { asOf: number; stale: boolean } }) {
  return (
    <p class="status" role="status" data-testid="book-as-of" data-stale={String(data.stale)}>
      {data.stale ? `As of ${dateTime(data.asOf)}, updating…` : ''}
    </p>
  );
}
