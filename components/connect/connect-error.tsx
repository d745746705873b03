/** Why the last step of connecting a store failed (from the page's ?error=), above the page's content. */
export function ConnectError({ message }: { message: string }) {
  return (
    <p
      role="alert"
      className="mb-6 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
      data-testid="connect-error"
    >
      {message}
    </p>
  );
}
