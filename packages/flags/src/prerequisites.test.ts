import { describe, expect, it } from 'vitest';
import { findCycle, prerequisiteDepth } from './prerequisites.js';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('prerequisite graph', () => {
  it('finds a cycle through the changed flag, and only through it', () => {
    expect(findCycle(graph({ a: ['b'], b: ['a'] }), 'a')).toEqual(['a', 'b', 'a']);
    expect(findCycle(graph({ a: ['b'], b: ['c'], c: ['a'] }), 'b')).toEqual(['b', 'c', 'a', 'b']);
    expect(findCycle(graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }), 'a')).toBeUndefined(); // a diamond is fine
    expect(findCycle(graph({ a: ['b'], b: ['c'], c: ['b'] }), 'a')).toBeUndefined(); // not through a
    expect(findCycle(graph({ a: ['a'] }), 'a')).toEqual(['a', 'a']);
    expect(findCycle(graph({}), 'x')).toBeUndefined();
  });

  it('measures the longest chain', () => {
    expect(prerequisiteDepth(graph({ a: [] }), 'a')).toBe(0);
    expect(prerequisiteDepth(graph({ a: ['b', 'c'], b: ['d'], c: [], d: [] }), 'a')).toBe(2);
    const chain = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`f${i}`, i < 29 ? [`f${i + 1}`] : []]),
    );
    expect(prerequisiteDepth(graph(chain), 'f0')).toBe(29);
  });
});
