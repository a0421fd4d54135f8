import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/router.js';

/** The page's `<h1>` (focused after navigation) and the document title. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="page-heading">
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </div>
  );
}
