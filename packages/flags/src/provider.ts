/**
 * An OpenFeature server provider backed by the in-process evaluator:
 *
 *   await OpenFeature.setProviderAndWait(new GroundworkFlagsProvider({ evaluator: () => flags.evaluator('acme') }));
 *   const enabled = await OpenFeature.getClient().getBooleanValue('new-checkout', false, { targetingKey: userId });
 *
 * The evaluation context is used as is: `targetingKey` stands for `userId`, every other attribute
 * is matched by name. A flag of another type answers `TYPE_MISMATCH` and the caller's default; an
 * unknown flag `FLAG_NOT_FOUND`; a `DISABLED` flag its off variant (OpenFeature semantics: the
 * value the management system serves when the flag is off).
 */
import {
  ErrorCode,
  type EvaluationContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/server-sdk';
import type { FlagEvaluator } from './evaluator.js';
import type { FlagType } from './schemas.js';

export interface GroundworkFlagsProviderOptions {
  /**
   * Where the compiled flags come from: a fixed evaluator (`createFlagEvaluator(...)`), or a
   * function returning the current one (e.g. `() => flagsService.evaluator(productId)`, which
   * reloads after the service's cache TTL).
   */
  evaluator: FlagEvaluator | (() => FlagEvaluator | Promise<FlagEvaluator>);
  /** Shown as the provider's name (default `groundwork-flags`). */
  name?: string;
}

type Expected = 'boolean' | 'string' | 'number' | 'object';

const ACCEPTS: Record<Expected, (type: FlagType, value: unknown) => boolean> = {
  boolean: (type) => type === 'boolean',
  string: (type) => type === 'string',
  number: (type) => type === 'number',
  object: (type, value) => type === 'json' && typeof value === 'object' && value !== null,
};

export class GroundworkFlagsProvider implements Provider {
  readonly metadata: { readonly name: string };
  readonly runsOn = 'server' as const;
  private readonly source: GroundworkFlagsProviderOptions['evaluator'];

  constructor(options: GroundworkFlagsProviderOptions) {
    this.metadata = { name: options.name ?? 'groundwork-flags' };
    this.source = options.evaluator;
  }

  /** Loads the flags once, so `setProviderAndWait` fails early when they cannot be read. */
  async initialize(): Promise<void> {
    await this.current();
  }

  private async current(): Promise<FlagEvaluator> {
    return typeof this.source === 'function' ? this.source() : this.source;
  }

  private async resolve<T>(
    expected: Expected,
    flagKey: string,
    defaultValue: T,
    context: EvaluationContext,
  ): Promise<ResolutionDetails<T>> {
    const evaluator = await this.current();
    const result = evaluator.evaluate(flagKey, context);
    if (result.errorCode === 'FLAG_NOT_FOUND' || result.type === undefined) {
      return {
        value: defaultValue,
        reason: 'ERROR',
        errorCode: ErrorCode.FLAG_NOT_FOUND,
        errorMessage: `No flag "${flagKey}".`,
      };
    }
    if (!ACCEPTS[expected](result.type, result.value)) {
      return {
        value: defaultValue,
        reason: 'ERROR',
        errorCode: ErrorCode.TYPE_MISMATCH,
        errorMessage: `Flag "${flagKey}" is a ${result.type} flag, not ${expected}.`,
      };
    }
    const details: ResolutionDetails<T> = {
      value: result.value as T,
      reason: result.reason,
      flagMetadata: { type: result.type },
    };
    if (result.variant !== undefined) details.variant = result.variant;
    if (result.errorCode !== undefined) {
      details.errorCode =
        result.errorCode === 'TARGETING_KEY_MISSING' ? ErrorCode.TARGETING_KEY_MISSING : ErrorCode.GENERAL;
      details.errorMessage =
        result.errorCode === 'TARGETING_KEY_MISSING'
          ? `Flag "${flagKey}" needs a bucketing value (targetingKey or its bucketBy attribute); served its off variant.`
          : `Flag "${flagKey}" could not evaluate a prerequisite; served its off variant.`;
    }
    if (result.prerequisite !== undefined && details.flagMetadata) {
      details.flagMetadata.prerequisite = result.prerequisite;
    }
    if (result.ruleIndex !== undefined && details.flagMetadata)
      details.flagMetadata.ruleIndex = result.ruleIndex;
    return details;
  }

  resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: EvaluationContext) {
    return this.resolve('boolean', flagKey, defaultValue, context);
  }

  resolveStringEvaluation(flagKey: string, defaultValue: string, context: EvaluationContext) {
    return this.resolve('string', flagKey, defaultValue, context);
  }

  resolveNumberEvaluation(flagKey: string, defaultValue: number, context: EvaluationContext) {
    return this.resolve('number', flagKey, defaultValue, context);
  }

  resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T, context: EvaluationContext) {
    return this.resolve('object', flagKey, defaultValue, context);
  }
}
