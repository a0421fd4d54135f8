import type { CardDefinition } from '../cards/card.js';
import { PageHeading } from '../components/page-heading.js';
import { isAvailable, useAvailablePaths } from '../lib/available-paths.js';
import { definePage } from './page.js';

const cards: CardDefinition[] = Object.values(
  import.meta.glob<{ card: CardDefinition }>('../cards/*.card.tsx', { eager: true }),
)
  .map((module) => module.card)
  .sort((a, b) => a.order - b.order);

function Overview() {
  const available = useAvailablePaths();
  const shown = cards.filter((card) => isAvailable(card.requires, available));
  return (
    <>
      <PageHeading title="Overview" />
      <div className="grid">
        {shown.map((card) => {
          const Card = card.component;
          return (
            <div key={card.id} className={card.wide ? 'wide' : undefined}>
              <Card />
            </div>
          );
        })}
      </div>
    </>
  );
}

export const page = definePage({
  path: '/',
  title: 'Overview',
  nav: { label: 'Overview', order: 0 },
  component: Overview,
});
