/** HTTP schemas of the account recovery routes: forgot/reset password, verify email, resend verification. */
import { z } from 'zod';

const productField = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe('The account’s product; default: the service’s own product (links for other products carry it).');

const tokenField = z.string().max(200).describe('The `token` query parameter of the link.');

export const forgotPasswordBodySchema = z
  .object({ email: z.string().max(320), productId: productField })
  .strict();

export const resetPasswordBodySchema = z
  .object({ token: tokenField, newPassword: z.string().max(1024), productId: productField })
  .strict();

export const verifyEmailBodySchema = z.object({ token: tokenField, productId: productField }).strict();

export const resendVerificationBodySchema = z
  .object({
    email: z
      .string()
      .max(320)
      .optional()
      .describe('Required unless signed in; signed in, the link goes to your own email.'),
    productId: productField,
  })
  .strict();

/** The one reply of forgot-password and resend-verification, whatever the email. */
export const ACCEPTED_REPLY = {
  status: 'accepted',
  message: 'If an account with this email can use it, a link is on its way.',
} as const;

export const acceptedSchema = z.object({
  status: z.literal(ACCEPTED_REPLY.status),
  message: z.string(),
});
