import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { BOOK_MARK } from '@/lib/shared/marks';
import type { RequestOf, RequestType, ResponseOf } from '@/lib/messaging/protocol';
import { useApi } from '../common/api';
import { money } from '../common/words';

/** One of the book's answers for a dashboard view: loaded once when the view opens. */
export function useBook<T extends 'book.accounts' | 'book.contacts' | 'book.bucket'>(
  type: T & RequestType,
  input: RequestOf<T>,
) {
  const api = useApi();
  const [data, setData] = useState<ResponseOf<T>>();
  const [error, setError] = useState('');
  const key = JSON.stringify(input);
  useEffect(() => {
    void api(type, input).then((r) => (r.ok ? setData(r.data as ResponseOf<T>) : setError(r.error.message)));
  }, [api, type, key]);
  // Right after the view rendered its data: what the bench times (an extension page's own timeline).
  useLayoutEffect(() => {
    if (data) performance.mark(BOOK_MARK);
  }, [data]);
  return { data, error };
}

/** Several currencies stay apart: "€48,250 · $1,200"; nothing bought: "—". */
export function formatValue(value: readonly { currency: string; toDate: number }[]): string {
  return value.map((v) => money(v.toDate, v.currency)).join(' · ') || '—';
}
