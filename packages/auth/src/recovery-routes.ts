/**
 * The account recovery API, mounted under `/v1` by the auth module. HTTP only: parse, call the
 * password reset and email verification services, shape the reply. All four routes are public;
 * resend-verification also accepts a signed-in caller (a `Bearer` token, checked with the given
 * authenticator) and then mails the caller's own email. The request's logger goes to the link
 * sender, so a development link shows up with the request it belongs to.
 */
import { isAppError, UnauthorizedError } from '@groundwork/errors';
import { type Authenticator, type ModuleRoutes, type Principal, publicRoute } from '@groundwork/http';
import { z } from 'zod';
import type { EmailVerification } from './email-verification.js';
import type { PasswordReset } from './password-reset.js';
import {
  ACCEPTED_REPLY,
  acceptedSchema,
  forgotPasswordBodySchema,
  resendVerificationBodySchema,
  resetPasswordBodySchema,
  verifyEmailBodySchema,
} from './recovery-schemas.js';
import { metaOf } from './request-meta.js';

export interface RecoveryRoutesOptions {
  passwordReset: PasswordReset;
  emailVerification: EmailVerification;
  /** The product of a request that names none. */
  defaultProductId: string;
  /** Recognises a signed-in caller of resend-verification; without it the route is anonymous only. */
  authenticator?: Authenticator | undefined;
}

export function recoveryRoutes(options: RecoveryRoutesOptions): ModuleRoutes {
  const { passwordReset, emailVerification, defaultProductId, authenticator } = options;
  return async (app) => {
    app.post(
      '/auth/forgot-password',
      {
        ...publicRoute,
        schema: {
          summary: 'Ask for a password reset link',
          description:
            'Always 202 with the same body, whether or not the email has an account. The link works once, for an hour. At most 3 requests per email per hour (429 with `Retry-After`).',
          body: forgotPasswordBodySchema,
          response: { 202: acceptedSchema },
        },
      },
      async (request, reply) => {
        const { email, productId } = request.body;
        await passwordReset.request(
          { productId: productId ?? defaultProductId, email },
          metaOf(request),
          request.log,
        );
        return reply.status(202).send(ACCEPTED_REPLY);
      },
    );

    app.post(
      '/auth/reset-password',
      {
        ...publicRoute,
        schema: {
          summary: 'Set a new password with a reset token',
          description:
            'Signs the user out everywhere. An unknown, expired or used token answers 400 `invalid_or_expired_token`.',
          body: resetPasswordBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { token, newPassword, productId } = request.body;
        await passwordReset.reset(
          { productId: productId ?? defaultProductId, token, newPassword },
          metaOf(request),
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/verify-email',
      {
        ...publicRoute,
        schema: {
          summary: 'Verify an email address with a verification token',
          description:
            'The token works once, for 24 hours, and only while the account keeps the email it was sent to. Otherwise 400 `invalid_or_expired_token`.',
          body: verifyEmailBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { token, productId } = request.body;
        await emailVerification.verify({ productId: productId ?? defaultProductId, token }, metaOf(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/resend-verification',
      {
        ...publicRoute,
        // Public, but a signed-in caller is recognised (an invalid or ended token answers 401).
        onRequest: async (request) => {
          if (!authenticator || request.headers.authorization === undefined) return;
          let principal: Principal | null;
          try {
            principal = await authenticator(request);
          } catch (error) {
            if (isAppError(error)) throw error;
            throw new UnauthorizedError(); // as the kernel does: a broken authenticator is not a 500
          }
          if (principal) request.principal = principal;
        },
        schema: {
          summary: 'Send a new email verification link',
          description:
            'Signed in: to your own email. Otherwise give `email`. Always 202 with the same body; earlier links stop working. At most 3 per email per hour (429 with `Retry-After`).',
          body: resendVerificationBodySchema,
          response: { 202: acceptedSchema },
        },
      },
      async (request, reply) => {
        const { email, productId } = request.body;
        await emailVerification.resend(
          { productId: productId ?? defaultProductId, email, principal: request.principal },
          metaOf(request),
          request.log,
        );
        return reply.status(202).send(ACCEPTED_REPLY);
      },
    );
  };
}
