import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { RequestOf, RequestType, ResponseOf } from '@/lib/messaging/protocol';
import { BOOK_FRESH_MARK, BOOK_MARK } from '@/lib/shared/marks';
import { useApi } from '../common/api';
import { money } from '../common/words';

type BookRequest = 'book.accounts' | 'book.contacts' | 'book.bucket';

/**
 * One of the book's answers for a dashboard view, loaded when the view opens. The worker may
 * first answer with the last one it worked out (`stale`, lib/background/views.ts); the view
 * shows it with its time and asks again for today's, which replaces it.
 */
export function useBook<T extends BookRequest>(type: T & RequestType, input: Omit<RequestOf<T>, 'fresh'>) {
  const api = useApi();
  const [data, setData] = useState<ResponseOf<T>>();
  const [error, setError] = useState('');
  const key = JSON.stringify(input);
  useEffect(() => {
    let open = true;
    const ask = (fresh: boolean): Promise<void> =>
      api(type, { ...input, fresh } as RequestOf<T>).then((r) => {
        if (!open) return;
        if (!r.ok) return setError(r.error.message);
        const answer = r.data as ResponseOf<T>;
        setData(answer);
        if (answer.stale) return ask(true);
      });
    void ask(false);
    return () => {
      open = false;
    };
  }, [api, type, key]);
  // Right after the view rendered its data, and its fresh data: what the bench times.
  useLayoutEffect(() => {
    if (!data) return;
    performance.mark(BOOK_MARK);
    if (!data.stale) performance.mark(BOOK_FRESH_MARK);
  }, [data]);
  return { data, error };
}

/** Several currencies stay apart: "€48,250 · $1,200"; nothing bought: "—". */
export function formatValue(value: readonly { currency: string; toDate: number }[]): string {
  return value.map((v) => money(v.toDate, v.currency)).join(' · ') || '—';
}
