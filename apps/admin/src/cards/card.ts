/**
 * An Overview card: one file `src/cards/<name>.card.tsx` exporting `card = defineCard({...})`. The
 * Overview page shows every card whose API the platform serves, so a module adds its summary
 * (delivery rates, incidents, maintenance…) with one file.
 */
import type { ComponentType } from 'react';

export interface CardDefinition {
  id: string;
  /** Position on the Overview, ascending. */
  order: number;
  /** Full width instead of one grid cell. */
  wide?: boolean;
  /** An API path the card needs (e.g. `/v1/webhooks`); hidden when the platform does not serve it. */
  requires?: string;
  component: ComponentType;
}

export function defineCard(card: CardDefinition): CardDefinition {
  return card;
}
