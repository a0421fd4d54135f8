/**
 * Which API paths the platform serves, from its public OpenAPI document: pages whose module is not
 * mounted hide themselves. Unknown (document not reachable): every page shows.
 */
import { useEffect, useState } from 'react';

let loaded: Promise<Set<string> | undefined> | undefined;

export function loadAvailablePaths(fetcher: typeof fetch = fetch): Promise<Set<string> | undefined> {
  loaded ??= fetcher('/documentation/json', { headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) return undefined;
      const document = (await response.json()) as { paths?: Record<string, unknown> };
      return new Set(Object.keys(document.paths ?? {}));
    })
    .catch(() => undefined);
  return loaded;
}

export function useAvailablePaths(): Set<string> | undefined {
  const [paths, setPaths] = useState<Set<string> | undefined>();
  useEffect(() => {
    let live = true;
    loadAvailablePaths().then((found) => live && setPaths(found));
    return () => {
      live = false;
    };
  }, []);
  return paths;
}

/** Whether a page that needs `required` can work, given what is known of the platform. */
export function isAvailable(required: string | undefined, paths: Set<string> | undefined): boolean {
  return required === undefined || paths === undefined || paths.has(required);
}
