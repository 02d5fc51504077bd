/** A view's data could not be read: the background's words, announced. */
export function Failed({ message }: { message: string }) {
  return (
    <p class="status error" role="alert">
      {message}
    </p>
  );
}
