import Link from "next/link";

/** A store in a table: its name, linking to its page, over its Jumpseller code. */
export function StoreNameLink({
  store,
  testId,
}: {
  store: { id: string; name: string; code: string };
  testId: string;
}) {
  return (
    <>
      <Link href={`/stores/${store.id}`} className="font-medium text-zinc-900 hover:text-teal-700" data-testid={testId}>
        {store.name}
      </Link>
      <div className="text-xs text-zinc-500">{store.code}</div>
    </>
  );
}

/** The same, for a table that does not link the store: its name, its code below. */
export function StoreNameAndCode({ store, testId }: { store: { name: string; code: string }; testId: string }) {
  return (
    <>
      <div className="font-medium text-zinc-900" data-testid={testId}>
        {store.name}
      </div>
      <div className="text-xs text-zinc-500">{store.code}</div>
    </>
  );
}
