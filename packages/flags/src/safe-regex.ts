/**
 * The `regex` targeting operator accepts only patterns whose backtracking is bounded, checked when
 * a flag is saved (JavaScript's engine has no linear-time mode to fall back on, and one bad pattern
 * on the evaluation path would stall every request of the product):
 *
 * - at most `MAX_REGEX_LENGTH` characters, compiled with flag `u` (and `i` if asked);
 * - no backreferences (`\1`, `\k<name>`) and no lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`);
 * - a quantified group (`( … )*`, `+`, `?`, `{n,m}`) may contain neither a quantifier nor an
 *   alternation `|` — the "star height 1" rule that rules out `(a+)+`, `(a|a)*` and their kin;
 * - the product of the pattern's choice points is at most `MAX_REGEX_COST`: an unbounded
 *   quantifier (`*`, `+`, `{n,}`) counts `MAX_REGEX_SUBJECT_LENGTH`, `?` counts 2, `{n,m}` counts
 *   m − n + 1, an alternation of k branches counts k. So one unbounded quantifier is fine
 *   (`^[a-z.]+@acme\.com$`), two are not (`.*beta.*`: use `contains`);
 * - at evaluation, a subject longer than `MAX_REGEX_SUBJECT_LENGTH` characters never matches.
 *
 * Together these bound one match to about cost × subject length ≈ 10^6 steps (a few ms, measured).
 */

export const MAX_REGEX_LENGTH = 200;
export const MAX_REGEX_SUBJECT_LENGTH = 256;
export const MAX_REGEX_COST = 2_048;

interface GroupState {
  hasQuantifier: boolean;
  branches: number;
}

const QUANTIFIER_BRACES = /^\{(\d+)(,(\d*))?\}/;

/** Why `pattern` is refused, or `undefined` when it is accepted. */
export function unsafeRegexReason(pattern: string, ignoreCase = false): string | undefined {
  if (pattern.length > MAX_REGEX_LENGTH) return `must be at most ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(pattern, ignoreCase ? 'ui' : 'u');
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
  const stack: GroupState[] = [{ hasQuantifier: false, branches: 1 }];
  // The group that just closed, if the previous atom was a group (a quantifier applies to it).
  let lastGroup: GroupState | undefined;
  let inClass = false;
  let cost = 1;
  const multiply = (factor: number) => {
    cost = Math.min(Number.MAX_SAFE_INTEGER, cost * factor);
  };
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'must not use backreferences';
      i += 1;
      lastGroup = undefined;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    const top = stack[stack.length - 1] as GroupState;
    switch (c) {
      case '[':
        inClass = true;
        lastGroup = undefined;
        break;
      case '(': {
        if (pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i)) return 'must not use lookahead';
        if (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) return 'must not use lookbehind';
        if (pattern.startsWith('(?:', i)) i += 2;
        else if (pattern.startsWith('(?<', i)) i = pattern.indexOf('>', i);
        stack.push({ hasQuantifier: false, branches: 1 });
        lastGroup = undefined;
        break;
      }
      case ')': {
        const closed = stack.pop() as GroupState;
        const parent = stack[stack.length - 1] as GroupState;
        parent.hasQuantifier ||= closed.hasQuantifier;
        multiply(closed.branches);
        lastGroup = closed;
        break;
      }
      case '|':
        top.branches += 1;
        lastGroup = undefined;
        break;
      case '*':
      case '+':
      case '?':
      case '{': {
        const braces = c === '{' ? QUANTIFIER_BRACES.exec(pattern.slice(i)) : null;
        if (c === '{' && !braces) {
          lastGroup = undefined;
          break; // a literal brace
        }
        if (c === '?' && (pattern[i - 1] === '*' || pattern[i - 1] === '+' || pattern[i - 1] === '}')) {
          break; // the lazy modifier of the quantifier before it
        }
        if (lastGroup && (lastGroup.hasQuantifier || lastGroup.branches > 1)) {
          return 'must not repeat a group that contains a quantifier or an alternation (e.g. `(a+)+`, `(a|b)*`)';
        }
        top.hasQuantifier = true;
        if (c === '?') multiply(2);
        else if (c === '*' || c === '+') multiply(MAX_REGEX_SUBJECT_LENGTH);
        else if (braces) {
          const min = Number(braces[1]);
          const max =
            braces[2] === undefined ? min : braces[3] === '' ? Number.POSITIVE_INFINITY : Number(braces[3]);
          multiply(
            Number.isFinite(max)
              ? Math.max(1, Math.min(max, MAX_REGEX_SUBJECT_LENGTH) - min + 1)
              : MAX_REGEX_SUBJECT_LENGTH,
          );
          i += braces[0].length - 1;
        }
        lastGroup = undefined;
        break;
      }
      default:
        lastGroup = undefined;
    }
  }
  multiply((stack[0] as GroupState).branches);
  if (cost > MAX_REGEX_COST) {
    return `has too many ways to backtrack (at most one unbounded quantifier such as \`*\` or \`+\`, and few optional parts); use contains / starts_with / ends_with for substrings`;
  }
  return undefined;
}
