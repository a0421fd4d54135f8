import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock } from '@groundwork/testing';
import { describeSchedulerGuarantees } from './scheduler-guarantees.js';

describeSchedulerGuarantees(
  'memory',
  async () => {
    const clock = createFakeClock();
    const store = createMemoryStore({ clock });
    return { store, clock, cleanup: () => store.close() };
  },
  { slots: 520 },
);
