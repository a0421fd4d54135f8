import type { PageDefinition } from './page.js';

const modules = import.meta.glob<{ page: PageDefinition }>('./*.page.tsx', { eager: true });

/** Every page, navigation entries first by order. */
export const pages: PageDefinition[] = Object.values(modules)
  .map((module) => module.page)
  .sort((a, b) => (a.nav?.order ?? 1000) - (b.nav?.order ?? 1000));

export const navPages = pages.filter((page) => page.nav);
