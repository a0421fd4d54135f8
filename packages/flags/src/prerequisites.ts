/**
 * The prerequisite graph of a product's flags. A save that would close a cycle (a → b → … → a)
 * is refused with the cycle spelled out; the evaluator also stops at `MAX_PREREQUISITE_DEPTH`, so
 * even a cycle written by two concurrent saves (each valid alone) evaluates to `ERROR`, never loops.
 */

export const MAX_PREREQUISITE_DEPTH = 16;

/** Flag key → the keys it depends on. */
export type PrerequisiteGraph = ReadonlyMap<string, readonly string[]>;

/**
 * A cycle through `start` in `graph`, as the path of keys from `start` back to it
 * (`['a', 'b', 'a']`), or `undefined` when there is none.
 */
export function findCycle(graph: PrerequisiteGraph, start: string): string[] | undefined {
  const path: string[] = [];
  const done = new Set<string>();
  const onPath = new Set<string>();

  function visit(key: string): string[] | undefined {
    if (onPath.has(key)) return key === start ? [...path, key] : undefined;
    if (done.has(key)) return undefined;
    onPath.add(key);
    path.push(key);
    for (const next of graph.get(key) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    onPath.delete(key);
    done.add(key);
    return undefined;
  }

  return visit(start);
}

/** The longest chain of prerequisites below `start` (0 without any); call it on an acyclic graph. */
export function prerequisiteDepth(
  graph: PrerequisiteGraph,
  start: string,
  memo: Map<string, number> = new Map(),
): number {
  function depth(key: string, level: number): number {
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (level > MAX_PREREQUISITE_DEPTH * 4) return level; // a cycle slipped in: deep enough to refuse
    let deepest = 0;
    for (const next of graph.get(key) ?? []) deepest = Math.max(deepest, 1 + depth(next, level + 1));
    memo.set(key, deepest);
    return deepest;
  }
  return depth(start, 0);
}
