/**
 * A console page: one file `src/pages/<name>.page.tsx` exporting `page = definePage({...})`. The
 * registry finds every such file at build time, so adding a page for a new module is adding one file.
 */
import type { ComponentType } from 'react';

export interface PageDefinition {
  /** App path under `/admin`, with `:params`, e.g. `/users/:userId`. */
  path: string;
  title: string;
  /** In the navigation, sorted by `order`; absent: reachable by link only. */
  nav?: { label: string; order: number };
  /**
   * An API path the page needs (as in the OpenAPI document, e.g. `/v1/flags`): the page is hidden
   * when the platform does not serve it (its module is not mounted).
   */
  requires?: string;
  component: ComponentType<{ params: Record<string, string> }>;
}

export function definePage(page: PageDefinition): PageDefinition {
  return page;
}
