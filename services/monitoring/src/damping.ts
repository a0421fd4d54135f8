/**
 * Flap damping: a component is reported down only after `downAfter` failed checks in a row, and
 * up again only after `upAfter` good ones. Between up and degraded (both answering) it follows the
 * checks at once. Before its first check a component is `unknown` and takes the first observation.
 */
import type { CheckState, ComponentState } from '@groundwork/status';

export interface DampingState {
  reported: ComponentState;
  /** When `reported` last changed (ms). */
  sinceMs: number;
  failures: number;
  successes: number;
}

export interface DampingRule {
  downAfter: number;
  upAfter: number;
}

export function initialDamping(reported: ComponentState = 'unknown', sinceMs = 0): DampingState {
  return { reported, sinceMs, failures: 0, successes: 0 };
}

/** The state after one observation at `atMs`. */
export function observe(
  state: DampingState,
  observed: CheckState,
  atMs: number,
  rule: DampingRule,
): DampingState {
  const next: DampingState =
    observed === 'down'
      ? { ...state, failures: state.failures + 1, successes: 0 }
      : { ...state, failures: 0, successes: state.successes + 1 };
  const change = (reported: ComponentState): DampingState =>
    reported === state.reported ? next : { ...next, reported, sinceMs: atMs };

  if (state.reported === 'unknown') return change(observed);
  if (observed === 'down') return next.failures >= rule.downAfter ? change('down') : next;
  if (state.reported === 'down') return next.successes >= rule.upAfter ? change(observed) : next;
  return change(observed);
}
