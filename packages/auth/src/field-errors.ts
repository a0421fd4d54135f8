/** The validation errors the auth services raise themselves (beyond their zod schemas). */
import { ValidationError } from '@groundwork/errors';

/** A 400 `validation_failed` naming one field. */
export function fieldError(path: string, message: string, code = 'invalid'): ValidationError {
  return new ValidationError([{ path, message, code }], message);
}

/** `unknown_product` unless `productId` is one of the products users may use. */
export function assertKnownProduct(products: readonly string[], productId: string): void {
  if (!products.includes(productId)) {
    throw fieldError('productId', `Unknown product "${productId}".`, 'unknown_product');
  }
}
