/**
 * A round of polling run on an interval: `runOnce` shares the round in progress with concurrent
 * callers; `start` runs one now and the next `intervalMs` after each settles (a failed round goes
 * to `onError`, the loop goes on); `stop` ends the loop and waits for the round in progress.
 */
export class PollLoop<T> {
  readonly #round: () => Promise<T>;
  readonly #intervalMs: number;
  readonly #onError: ((error: unknown) => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<T> | undefined;

  constructor(round: () => Promise<T>, intervalMs: number, onError?: (error: unknown) => void) {
    this.#round = round;
    this.#intervalMs = intervalMs;
    this.#onError = onError;
  }

  runOnce(): Promise<T> {
    this.#running ??= this.#round().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  start(): void {
    if (this.#timer) return;
    const tick = () => {
      this.runOnce()
        .catch((error: unknown) => this.#onError?.(error))
        .finally(() => {
          if (this.#timer) this.#timer = setTimeout(tick, this.#intervalMs).unref();
        });
    };
    this.#timer = setTimeout(tick, 0).unref();
  }

  /** Its failure, if any, went to `onError` (or to whoever awaited `runOnce`). */
  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }
}
