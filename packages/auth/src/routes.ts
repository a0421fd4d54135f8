import { guard, type ModuleRoutes, publicRoute } from '@groundwork/http';
import { z } from 'zod';
import {
  changeEmailBodySchema,
  changePasswordBodySchema,
  deleteAccountBodySchema,
  listUsersQuerySchema,
  loginBodySchema,
  refreshBodySchema,
  registerBodySchema,
  revokedSchema,
  signedInSchema,
  tokenPairSchema,
  updateUserBodySchema,
  userIdParamsSchema,
  userPageSchema,
  userViewSchema,
} from './auth-schemas.js';
import type { AuthService } from './auth-service.js';
import { metaOf, principalOf } from './request-meta.js';
import { profileSchema, type User } from './users.js';

const admins = guard({ roles: ['admin', 'super_admin'] });
const signedIn = guard({});

export function userView(user: User) {
  return { ...user, createdAt: new Date(user.createdAt).toISOString() };
}

export function authRoutes(auth: AuthService, defaultProductId: string): ModuleRoutes {
  return async (app) => {
    app.post(
      '/auth/register',
      {
        ...publicRoute,
        schema: {
          summary: 'Create an account',
          description: 'Signs the new user in. `email_taken` (409) when the product has the email already.',
          body: registerBodySchema,
          response: { 201: signedInSchema },
        },
      },
      async (request, reply) => {
        const { email, password, productId, device, ...profile } = request.body;
        const result = await auth.register(
          { productId: productId ?? defaultProductId, email, password, profile },
          metaOf(request, device),
        );
        return reply.status(201).send({ user: userView(result.user), tokens: result.tokens });
      },
    );

    app.post(
      '/auth/login',
      {
        ...publicRoute,
        schema: {
          summary: 'Sign in with email and password',
          description:
            'A wrong password and an unknown email both answer 401 `invalid_credentials`. Repeated failures are slowed down (429 with `Retry-After`).',
          body: loginBodySchema,
          response: { 200: signedInSchema },
        },
      },
      async (request) => {
        const { email, password, productId, device } = request.body;
        const result = await auth.login(
          { productId: productId ?? defaultProductId, email, password },
          metaOf(request, device),
        );
        return { user: userView(result.user), tokens: result.tokens };
      },
    );

    app.post(
      '/auth/refresh',
      {
        ...publicRoute,
        schema: {
          summary: 'Trade a refresh token for new tokens',
          description:
            'Refresh tokens are single use. Reusing one (outside a few seconds’ grace for concurrent tabs) ends the session.',
          body: refreshBodySchema,
          response: { 200: tokenPairSchema },
        },
      },
      async (request) => auth.refresh(request.body.refreshToken, metaOf(request)),
    );

    app.post(
      '/auth/logout',
      { ...signedIn, schema: { summary: 'Sign out this session', response: { 204: z.null() } } },
      async (request, reply) => {
        await auth.logout(principalOf(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      { ...signedIn, schema: { summary: 'Your profile', response: { 200: userViewSchema } } },
      async (request) => userView(await auth.me(principalOf(request))),
    );

    app.patch(
      '/auth/me',
      {
        ...signedIn,
        schema: { summary: 'Update your profile', body: profileSchema, response: { 200: userViewSchema } },
      },
      async (request) => userView(await auth.updateProfile(principalOf(request), request.body)),
    );

    app.delete(
      '/auth/me',
      {
        ...signedIn,
        schema: {
          summary: 'Delete your account',
          description: 'Needs your password; ends every session and emits `user.deleted`.',
          body: deleteAccountBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await auth.deleteAccount(principalOf(request), request.body, metaOf(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/change-email',
      {
        ...signedIn,
        schema: {
          summary: 'Change your email',
          description:
            'Needs your password. The new email must be free in the product; it starts unverified and gets a verification link.',
          body: changeEmailBodySchema,
          response: { 200: userViewSchema },
        },
      },
      async (request) =>
        userView(await auth.changeEmail(principalOf(request), request.body, metaOf(request))),
    );

    app.post(
      '/auth/change-password',
      {
        ...signedIn,
        schema: {
          summary: 'Change your password',
          description: 'Signs out every other session.',
          body: changePasswordBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await auth.changePassword(principalOf(request), request.body, metaOf(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/users',
      {
        ...admins,
        schema: {
          summary: 'List and search users',
          description: 'Newest first; filter by email prefix, role, status and creation time.',
          querystring: listUsersQuerySchema,
          response: { 200: userPageSchema },
        },
      },
      async (request) => {
        const { email, role, status, createdFrom, createdTo, limit, cursor } = request.query;
        const page = await auth.listUsers(
          principalOf(request).productId,
          {
            ...(email ? { emailPrefix: email } : {}),
            ...(role ? { role } : {}),
            ...(status ? { status } : {}),
            ...(createdFrom ? { createdFrom: Date.parse(createdFrom) } : {}),
            ...(createdTo ? { createdTo: Date.parse(createdTo) } : {}),
          },
          { limit, cursor },
        );
        return {
          items: page.items.map(userView),
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        };
      },
    );

    app.get(
      '/auth/users/:userId',
      {
        ...admins,
        schema: { summary: 'Read a user', params: userIdParamsSchema, response: { 200: userViewSchema } },
      },
      async (request) => userView(await auth.getUser(principalOf(request).productId, request.params.userId)),
    );

    app.patch(
      '/auth/users/:userId',
      {
        ...admins,
        schema: {
          summary: 'Change a user’s role or status',
          description:
            'Only a super admin grants, changes or takes admin roles. Disabling ends the user’s sessions.',
          params: userIdParamsSchema,
          body: updateUserBodySchema,
          response: { 200: userViewSchema },
        },
      },
      async (request) =>
        userView(
          await auth.updateUser(principalOf(request), request.params.userId, request.body, metaOf(request)),
        ),
    );

    app.delete(
      '/auth/users/:userId',
      {
        ...admins,
        schema: {
          summary: 'Delete a user',
          description: 'Ends the user’s sessions and emits `user.deleted`.',
          params: userIdParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await auth.deleteUser(principalOf(request), request.params.userId, metaOf(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/users/:userId/logout',
      {
        ...admins,
        schema: {
          summary: 'Sign a user out everywhere',
          params: userIdParamsSchema,
          response: { 200: revokedSchema },
        },
      },
      async (request) => ({
        revoked: await auth.forceLogout(principalOf(request), request.params.userId, metaOf(request)),
      }),
    );
  };
}
