/**
 * Tables show the first rows at once and more on request: rendering all 1,000 accounts of the
 * bench's book took longer than fetching them (README "Performance"), and nobody reads row 900
 * without sorting or filtering first. Fifty is about three screens: a search keystroke that
 * brought 200 rows back into an empty table missed its frame (25-28 ms, session 14).
 */
export const ROWS_AT_ONCE = 50;

export function ShowMore({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  if (total <= shown) return null;
  return (
    <button type="button" class="link" data-testid="show-more" onClick={onMore}>
      Show {Math.min(ROWS_AT_ONCE, total - shown)} more of {total - shown}
    </button>
  );
}
