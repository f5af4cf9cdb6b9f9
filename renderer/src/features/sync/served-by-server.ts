import { useEffect, useState } from 'react';
import { servedByServer } from '../../sync/server-origin';

/** `servedByServer` for the current page: null until known. */
export function useServedByServer(): boolean | null {
  const [served, setServed] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void servedByServer(window.location, window.fetch.bind(window)).then((v) => live && setServed(v));
    return () => {
      live = false;
    };
  }, []);
  return served;
}
