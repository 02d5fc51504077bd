import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/**
 * A labelled input with an optional hint. The hint is linked with aria-describedby, so the
 * field's accessible name is the label alone and screen readers still read the hint.
 */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (props: { id: string; 'aria-describedby'?: string }) => ComponentChildren;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({ id, ...(hintId ? { 'aria-describedby': hintId } : {}) })}
      {hint && <small id={hintId}>{hint}</small>}
    </div>
  );
}
