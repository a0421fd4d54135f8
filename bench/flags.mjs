// Feature flag evaluation benchmark (issue 8), one process, in memory.
// One flag with one attribute condition (`country == "US"`) and a 50% rollout, evaluated for
// IDS distinct user ids (default 1,000,000) by @groundwork/flags' in-process evaluator, and the
// same rule by @growthbook/growthbook's server client (GrowthBookClient.evalFeature with a user
// context: a force rule with the condition and coverage 0.5, hashed on `id`). Each side builds
// the context object its API takes inside the loop. ROUNDS alternating rounds after a warm-up
// round each; medians quoted. Both sides must put about half of the ids in the rollout.
// Run after building the package: cd packages/flags && npx tsup; node bench/flags.mjs
//   (BENCH_IDS, BENCH_ROUNDS)
import { createFlagEvaluator, defineFlag } from '@groundwork/flags';
import { GrowthBookClient } from '@growthbook/growthbook';
import { fmt, median } from './lib/measure.mjs';

const IDS = Math.min(2_000_000, Number(process.env.BENCH_IDS ?? 1_000_000));
const ROUNDS = Math.min(9, Number(process.env.BENCH_ROUNDS ?? 5));

const ids = Array.from({ length: IDS }, (_, i) => `usr_${(i * 2654435761) % 4294967296}_${i}`);
const countries = ['US', 'US', 'US', 'FR']; // three in four match the condition

const evaluator = createFlagEvaluator([
  defineFlag({
    key: 'new-checkout',
    enabled: true,
    defaultServe: { variant: 'off' },
    rules: [
      {
        conditions: [{ attribute: 'country', operator: 'eq', value: 'US' }],
        serve: { variant: 'on', percentage: 50 },
      },
    ],
  }),
]);

const growthbook = new GrowthBookClient().initSync({
  payload: {
    features: {
      'new-checkout': {
        defaultValue: false,
        rules: [{ condition: { country: 'US' }, force: true, coverage: 0.5, hashAttribute: 'id' }],
      },
    },
  },
});

function ours() {
  let on = 0;
  for (let i = 0; i < IDS; i++) {
    const result = evaluator.evaluate('new-checkout', { userId: ids[i], country: countries[i & 3] });
    if (result.value === true) on++;
  }
  return on;
}

function theirs() {
  let on = 0;
  for (let i = 0; i < IDS; i++) {
    const result = growthbook.evalFeature('new-checkout', {
      attributes: { id: ids[i], country: countries[i & 3] },
    });
    if (result.value === true) on++;
  }
  return on;
}

function timed(fn) {
  const started = performance.now();
  const on = fn();
  const seconds = (performance.now() - started) / 1000;
  return { rate: IDS / seconds, on };
}

function checkShare(name, on) {
  const share = on / (IDS * 0.75);
  if (share < 0.48 || share > 0.52)
    throw new Error(`${name}: ${fmt(share * 100, 1)}% of matching ids rolled in, expected about 50%`);
  return share;
}

console.log(`flags: one condition + 50% rollout, ${fmt(IDS)} distinct ids, ${ROUNDS} alternating rounds`);
timed(ours); // warm-up
timed(theirs);
const results = { ours: [], theirs: [] };
for (let round = 0; round < ROUNDS; round++) {
  const a = timed(ours);
  const b = timed(theirs);
  checkShare('@groundwork/flags', a.on);
  checkShare('@growthbook/growthbook', b.on);
  results.ours.push(a.rate);
  results.theirs.push(b.rate);
  console.log(
    `  round ${round + 1}: @groundwork/flags ${fmt(a.rate)} evals/s (${fmt(a.on)} in)   @growthbook/growthbook ${fmt(b.rate)} evals/s (${fmt(b.on)} in)`,
  );
}
const ourMedian = median(results.ours);
const theirMedian = median(results.theirs);
console.log(
  `median: @groundwork/flags ${fmt(ourMedian)} evals/s, @growthbook/growthbook ${fmt(theirMedian)} evals/s (×${fmt(ourMedian / theirMedian, 2)})`,
);
