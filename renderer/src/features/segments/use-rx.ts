import { useEffect, useState } from 'react';
import type { RxDocument, RxQuery } from 'rxdb';

/**
 * The live result of an RxDB query as plain documents (re-rendered when it changes): `null`
 * until the first result. `make` builds the query; it is rebuilt when `key` changes.
 */
export function useRxDocs<T>(make: () => RxQuery<T, RxDocument<T>[]>, key: string): T[] | null {
  const [state, setState] = useState<{ key: string; docs: T[] | null }>({ key, docs: null });
  useEffect(() => {
    const subscription = make().$.subscribe((docs) => setState({ key, docs: docs.map((d) => d.toJSON() as T) }));
    return () => subscription.unsubscribe();
    // `make` is a new function on every render; `key` says when the query really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state.key === key ? state.docs : null;
}
