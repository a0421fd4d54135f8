import { createFakeClock, createTempSqliteStore } from '@groundwork/testing';
import { describeSchedulerGuarantees } from './scheduler-guarantees.js';

describeSchedulerGuarantees(
  'sqlite',
  async () => {
    const clock = createFakeClock();
    const { store, cleanup } = createTempSqliteStore({ clock });
    return { store, clock, cleanup };
  },
  { slots: 520 },
);
