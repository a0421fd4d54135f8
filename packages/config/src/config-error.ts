import { AppError } from '@groundwork/errors';

/** One problem with one configuration variable. Never contains a secret's value. */
export interface ConfigIssue {
  /** The environment variable (or secret) name, e.g. `PORT`. */
  variable: string;
  /** What is wrong, e.g. `expected an integer, got "abc"`. */
  message: string;
  /** The variable's description from its schema, when it has one. */
  description?: string;
}

function formatIssue(issue: ConfigIssue): string {
  const description = issue.description ? `  (${issue.description})` : '';
  return `  - ${issue.variable}: ${issue.message}${description}`;
}

/** Formats `heading: N problem(s)` followed by one indented line per issue. */
export function formatConfigIssues(heading: string, issues: readonly ConfigIssue[]): string {
  const count = `${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`;
  return [`${heading}: ${count}`, ...issues.map(formatIssue)].join('\n');
}

/**
 * Thrown at startup when configuration is invalid or secrets are missing. Lists every problem at
 * once, one line per variable, e.g.
 *
 * ```text
 * Invalid configuration: 2 problems
 *   - PORT: expected an integer, got "abc"  (HTTP port)
 *   - JWT_PRIVATE_KEY: required but not set  (PEM key that signs access tokens)
 * ```
 */
export class ConfigError extends AppError {
  readonly issues: ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], heading = 'Invalid configuration') {
    super(500, 'config_invalid', heading, formatConfigIssues(heading, issues));
    this.issues = [...issues];
  }
}
