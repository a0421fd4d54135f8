/**
 * Types of the Groundwork platform API, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run `pnpm --filter @groundwork/client generate` (CI runs `check:schema`).
 */

export interface paths {
  '/.well-known/jwks.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Public keys of access tokens (JWKS) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Public keys that verify access tokens (the active key and recently retired ones). */
              keys: {
                alg: string;
                crv: string;
                kid: string;
                kty: string;
                /** @enum {string} */
                use: 'sig';
                x: string;
                y: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness
     * @description Answers 200 while the process is alive, 503 once shutdown has begun.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              service: string;
              /** @enum {string} */
              status: 'ok' | 'shutting_down';
              uptimeSeconds: number;
              version: string;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              service: string;
              /** @enum {string} */
              status: 'ok' | 'shutting_down';
              uptimeSeconds: number;
              version: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics
     * @description Process metrics and `http_request_duration_seconds`, in the Prometheus text format.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Prometheus text exposition format 0.0.4 */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/plain': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness
     * @description Answers 200 when the store answers, migrations succeeded and no module check is `down`; 503 otherwise. `degraded` checks still count as ready.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description `store`, `migrations`, `shutdown` and one entry per module with a health check. */
              checks: {
                [key: string]: {
                  data?: {
                    [key: string]: unknown;
                  };
                  detail?: string;
                  /** @enum {string} */
                  status: 'ok' | 'degraded' | 'down';
                };
              };
              /** @enum {string} */
              status: 'ready' | 'not_ready';
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description `store`, `migrations`, `shutdown` and one entry per module with a health check. */
              checks: {
                [key: string]: {
                  data?: {
                    [key: string]: unknown;
                  };
                  detail?: string;
                  /** @enum {string} */
                  status: 'ok' | 'degraded' | 'down';
                };
              };
              /** @enum {string} */
              status: 'ready' | 'not_ready';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search the audit log
     * @description Entries newest first, filtered by actor, action, target and time range. Requires role `admin`; reads the caller’s product only.
     */
    get: {
      parameters: {
        query?: {
          /** @description One action (`jobs.pause`), or every action under a prefix (`jobs.*`). */
          action?: string;
          /** @description Only entries by this actor (user, admin, API token or system component id). */
          actorId?: string;
          /** @description Only entries by this kind of actor. */
          actorType?: 'user' | 'admin' | 'system' | 'api_token';
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
          /** @description Entries at or after this time (ISO 8601). */
          from?: string;
          /** @description Only entries done by this admin while impersonating a user. */
          impersonatedBy?: string;
          /** @description Page size (1-200). */
          limit?: number;
          /** @description Only entries about this target id. */
          targetId?: string;
          /** @description Only entries about this kind of target, e.g. `user`. */
          targetType?: string;
          /** @description Entries before this time (ISO 8601). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A page of audit entries, newest first. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description What was done, e.g. `jobs.pause`, `user.created`, `auth.login_failed`. */
                action: string;
                actor: {
                  /** @description User id, admin id, system component or API token id. */
                  id: string;
                  /** @description The admin who acted as this user, when impersonating. */
                  impersonatedBy?: string;
                  /** @enum {string} */
                  type: 'user' | 'admin' | 'system' | 'api_token';
                };
                /**
                 * Format: date-time
                 * @description When it happened (ISO 8601, the service clock).
                 */
                at: string;
                /** @description The event this entry records, if any. */
                eventId?: string;
                id: string;
                /** @description The client address of the request. */
                ip?: string;
                productId: string;
                requestId?: string;
                /** @description State before and after the action (secrets redacted). A side larger than the cap is `{ "truncated": true, "bytes": n }`. */
                summary?: {
                  after?: {
                    [key: string]: unknown;
                  };
                  before?: {
                    [key: string]: unknown;
                  };
                };
                /** @description What the action was done to. */
                target?: {
                  id: string;
                  type: string;
                };
                userAgent?: string;
              }[];
              /** @description Pass as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export the audit log
     * @description Every matching entry, newest first, streamed as CSV or NDJSON. The export is itself recorded (action `audit.export`) before it is read. Requires role `admin`; reads the caller’s product only.
     */
    get: {
      parameters: {
        query?: {
          /** @description One action (`jobs.pause`), or every action under a prefix (`jobs.*`). */
          action?: string;
          /** @description Only entries by this actor (user, admin, API token or system component id). */
          actorId?: string;
          /** @description Only entries by this kind of actor. */
          actorType?: 'user' | 'admin' | 'system' | 'api_token';
          /** @description `csv` (with a header row) or `ndjson`. */
          format?: 'csv' | 'ndjson';
          /** @description Entries at or after this time (ISO 8601). */
          from?: string;
          /** @description Only entries done by this admin while impersonating a user. */
          impersonatedBy?: string;
          /** @description Only entries about this target id. */
          targetId?: string;
          /** @description Only entries about this kind of target, e.g. `user`. */
          targetType?: string;
          /** @description Entries before this time (ISO 8601). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The matching entries, newest first, streamed. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/x-ndjson': string;
            'text/csv': string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/change-email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change your email
     * @description Needs your password. The new email must be free in the product; it starts unverified and gets a verification link.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            newEmail: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              avatarUrl?: string;
              /** @description ISO 8601. */
              createdAt: string;
              email: string;
              emailVerified: boolean;
              id: string;
              locale?: string;
              name?: string;
              productId: string;
              /** @enum {string} */
              role: 'user' | 'admin' | 'super_admin';
              /** @enum {string} */
              status: 'active' | 'disabled';
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/change-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change your password
     * @description Signs out every other session.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/forgot-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask for a password reset link
     * @description Always 202 with the same body, whether or not the email has an account. The link works once, for an hour. At most 3 requests per email per hour (429 with `Retry-After`).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            /** @description The account’s product; default: the service’s own product (links for other products carry it). */
            productId?: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              message: string;
              /** @enum {string} */
              status: 'accepted';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/impersonate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Act as a user of your product
     * @description A 15-minute, non-renewable token for the user, read-only unless a super admin allows writes. Every request made with it is audited.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Super admins only: let the impersonation write. */
            allowWrites?: boolean;
            /** @description Why: recorded in the audit log. */
            reason: string;
            targetUserId: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accessToken: string;
              expiresIn: number;
              readOnly: boolean;
              sessionId: string;
              /** @enum {string} */
              tokenType: 'Bearer';
              user: {
                avatarUrl?: string;
                /** @description ISO 8601. */
                createdAt: string;
                email: string;
                emailVerified: boolean;
                id: string;
                locale?: string;
                name?: string;
                productId: string;
                /** @enum {string} */
                role: 'user' | 'admin' | 'super_admin';
                /** @enum {string} */
                status: 'active' | 'disabled';
                updatedAt: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/impersonate/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the impersonation this token belongs to */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with email and password
     * @description A wrong password and an unknown email both answer 401 `invalid_credentials`. Repeated failures are slowed down (429 with `Retry-After`).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            device?: {
              /** @description A stable id the client keeps per device. */
              id?: string;
              /** @description E.g. "Ann’s laptop". */
              name?: string;
              /** @enum {string} */
              platform?: 'web' | 'ios' | 'android' | 'desktop' | 'api';
            };
            email: string;
            password: string;
            /** @description The product to sign in to; default: the service’s own product. */
            productId?: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              tokens: {
                accessToken: string;
                /** @description Seconds until the access token expires. */
                expiresIn: number;
                /** @description Single use: each refresh returns a new one. */
                refreshToken: string;
                sessionId: string;
                /** @enum {string} */
                tokenType: 'Bearer';
              };
              user: {
                avatarUrl?: string;
                /** @description ISO 8601. */
                createdAt: string;
                email: string;
                emailVerified: boolean;
                id: string;
                locale?: string;
                name?: string;
                productId: string;
                /** @enum {string} */
                role: 'user' | 'admin' | 'super_admin';
                /** @enum {string} */
                status: 'active' | 'disabled';
                updatedAt: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out this session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your profile */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              avatarUrl?: string;
              /** @description ISO 8601. */
              createdAt: string;
              email: string;
              emailVerified: boolean;
              id: string;
              locale?: string;
              name?: string;
              productId: string;
              /** @enum {string} */
              role: 'user' | 'admin' | 'super_admin';
              /** @enum {string} */
              status: 'active' | 'disabled';
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete your account
     * @description Needs your password; ends every session and emits `user.deleted`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Update your profile */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uri */
            avatarUrl?: string;
            locale?: string;
            name?: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              avatarUrl?: string;
              /** @description ISO 8601. */
              createdAt: string;
              email: string;
              emailVerified: boolean;
              id: string;
              locale?: string;
              name?: string;
              productId: string;
              /** @enum {string} */
              role: 'user' | 'admin' | 'super_admin';
              /** @enum {string} */
              status: 'active' | 'disabled';
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Trade a refresh token for new tokens
     * @description Refresh tokens are single use. Reusing one (outside a few seconds’ grace for concurrent tabs) ends the session.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            refreshToken: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accessToken: string;
              /** @description Seconds until the access token expires. */
              expiresIn: number;
              /** @description Single use: each refresh returns a new one. */
              refreshToken: string;
              sessionId: string;
              /** @enum {string} */
              tokenType: 'Bearer';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create an account
     * @description Signs the new user in. `email_taken` (409) when the product has the email already.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uri */
            avatarUrl?: string;
            device?: {
              /** @description A stable id the client keeps per device. */
              id?: string;
              /** @description E.g. "Ann’s laptop". */
              name?: string;
              /** @enum {string} */
              platform?: 'web' | 'ios' | 'android' | 'desktop' | 'api';
            };
            email: string;
            locale?: string;
            name?: string;
            password: string;
            /** @description The product to sign in to; default: the service’s own product. */
            productId?: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              tokens: {
                accessToken: string;
                /** @description Seconds until the access token expires. */
                expiresIn: number;
                /** @description Single use: each refresh returns a new one. */
                refreshToken: string;
                sessionId: string;
                /** @enum {string} */
                tokenType: 'Bearer';
              };
              user: {
                avatarUrl?: string;
                /** @description ISO 8601. */
                createdAt: string;
                email: string;
                emailVerified: boolean;
                id: string;
                locale?: string;
                name?: string;
                productId: string;
                /** @enum {string} */
                role: 'user' | 'admin' | 'super_admin';
                /** @enum {string} */
                status: 'active' | 'disabled';
                updatedAt: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/resend-verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a new email verification link
     * @description Signed in: to your own email. Otherwise give `email`. Always 202 with the same body; earlier links stop working. At most 3 per email per hour (429 with `Retry-After`).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Required unless signed in; signed in, the link goes to your own email. */
            email?: string;
            /** @description The account’s product; default: the service’s own product (links for other products carry it). */
            productId?: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              message: string;
              /** @enum {string} */
              status: 'accepted';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a new password with a reset token
     * @description Signs the user out everywhere. An unknown, expired or used token answers 400 `invalid_or_expired_token`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            newPassword: string;
            /** @description The account’s product; default: the service’s own product (links for other products carry it). */
            productId?: string;
            /** @description The `token` query parameter of the link. */
            token: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/session/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in a browser app (refresh token in an httpOnly cookie)
     * @description For first-party web apps: like `/auth/login`, but the refresh token is set as an `HttpOnly`, `SameSite=Strict` cookie scoped to `/v1/auth/session` and only the access token is answered. Needs `x-groundwork-csrf: 1` and a same-origin `Origin` (403 `csrf_rejected`).
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description CSRF proof: a cross-site page cannot send this header. */
          'x-groundwork-csrf'?: '1';
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            device?: {
              /** @description A stable id the client keeps per device. */
              id?: string;
              /** @description E.g. "Ann’s laptop". */
              name?: string;
              /** @enum {string} */
              platform?: 'web' | 'ios' | 'android' | 'desktop' | 'api';
            };
            email: string;
            password: string;
            /** @description The product to sign in to; default: the service’s own product. */
            productId?: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accessToken: string;
              /** @description Seconds until the access token expires. */
              expiresIn: number;
              sessionId: string;
              /** @enum {string} */
              tokenType: 'Bearer';
              user: {
                avatarUrl?: string;
                /** @description ISO 8601. */
                createdAt: string;
                email: string;
                emailVerified: boolean;
                id: string;
                locale?: string;
                name?: string;
                productId: string;
                /** @enum {string} */
                role: 'user' | 'admin' | 'super_admin';
                /** @enum {string} */
                status: 'active' | 'disabled';
                updatedAt: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/session/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign a browser app out
     * @description Ends the session of the `Bearer` access token, or else of the session cookie, and clears the cookie. Always 204 once the CSRF check passes.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description CSRF proof: a cross-site page cannot send this header. */
          'x-groundwork-csrf'?: '1';
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/session/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * New access token for a browser app, from its session cookie
     * @description Rotates the refresh token in the cookie. 401 `refresh_token_invalid` (cookie cleared) when there is no valid session cookie.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description CSRF proof: a cross-site page cannot send this header. */
          'x-groundwork-csrf'?: '1';
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accessToken: string;
              /** @description Seconds until the access token expires. */
              expiresIn: number;
              sessionId: string;
              /** @enum {string} */
              tokenType: 'Bearer';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List and search users
     * @description Newest first; filter by email prefix, role, status and creation time.
     */
    get: {
      parameters: {
        query?: {
          createdFrom?: string;
          createdTo?: string;
          cursor?: string;
          /** @description Email prefix. */
          email?: string;
          limit?: number;
          role?: 'user' | 'admin' | 'super_admin';
          status?: 'active' | 'disabled';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                avatarUrl?: string;
                /** @description ISO 8601. */
                createdAt: string;
                email: string;
                emailVerified: boolean;
                id: string;
                locale?: string;
                name?: string;
                productId: string;
                /** @enum {string} */
                role: 'user' | 'admin' | 'super_admin';
                /** @enum {string} */
                status: 'active' | 'disabled';
                updatedAt: string;
              }[];
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/users/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              avatarUrl?: string;
              /** @description ISO 8601. */
              createdAt: string;
              email: string;
              emailVerified: boolean;
              id: string;
              locale?: string;
              name?: string;
              productId: string;
              /** @enum {string} */
              role: 'user' | 'admin' | 'super_admin';
              /** @enum {string} */
              status: 'active' | 'disabled';
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a user
     * @description Ends the user’s sessions and emits `user.deleted`.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a user’s role or status
     * @description Only a super admin grants, changes or takes admin roles. Disabling ends the user’s sessions.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            role?: 'user' | 'admin' | 'super_admin';
            /** @enum {string} */
            status?: 'active' | 'disabled';
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              avatarUrl?: string;
              /** @description ISO 8601. */
              createdAt: string;
              email: string;
              emailVerified: boolean;
              id: string;
              locale?: string;
              name?: string;
              productId: string;
              /** @enum {string} */
              role: 'user' | 'admin' | 'super_admin';
              /** @enum {string} */
              status: 'active' | 'disabled';
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/auth/users/{userId}/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign a user out everywhere */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              revoked: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/verify-email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify an email address with a verification token
     * @description The token works once, for 24 hours, and only while the account keeps the email it was sent to. Otherwise 400 `invalid_or_expired_token`.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The account’s product; default: the service’s own product (links for other products carry it). */
            productId?: string;
            /** @description The `token` query parameter of the link. */
            token: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delivery/log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search the delivery log
     * @description Newest first, by channel, status, template, user and date range. Recipients are masked. Requires role `admin`; acts on the caller’s product only.
     */
    get: {
      parameters: {
        query?: {
          channel?: 'email' | 'push' | 'sms';
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
          /** @description Entries created at or after this time (ISO 8601). */
          from?: string;
          /** @description Page size (1-200). */
          limit?: number;
          status?: 'queued' | 'sent' | 'failed' | 'bounced' | 'delivered' | 'opened' | 'suppressed';
          template?: string;
          /** @description Entries created before this time (ISO 8601). */
          to?: string;
          userId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                attempts: number;
                bouncedAt: number | null;
                /** @enum {string} */
                category: 'security' | 'account' | 'billing' | 'onboarding' | 'product' | 'reminders';
                /** @enum {string} */
                channel: 'email' | 'push' | 'sms';
                /** @description Milliseconds since the epoch. */
                createdAt: number;
                critical: boolean;
                day: string;
                deliveredAt: number | null;
                deviceId: string | null;
                error: string | null;
                failedAt: number | null;
                id: string;
                idempotencyKey: string;
                openedAt: number | null;
                platform: ('ios' | 'android' | 'web') | null;
                productId: string;
                provider: string | null;
                providerMessageId: string | null;
                /** @description Masked. */
                recipient: string;
                /** @description Milliseconds since the epoch. */
                scheduledFor: number;
                sentAt: number | null;
                /** @enum {string} */
                status: 'queued' | 'sent' | 'failed' | 'bounced' | 'delivered' | 'opened' | 'suppressed';
                template: string;
                userId: string | null;
              }[];
              /** @description Pass as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delivery/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Notify a user
     * @description Queues a template (e.g. `feature_announcement`) to one user of the product, following their preferences unless critical. Audited. Requires role `admin`; acts on the caller’s product only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channels?: ('email' | 'push' | 'sms')[];
            /**
             * @description Bypass preferences and quiet hours.
             * @default false
             */
            critical?: boolean;
            /** @default {} */
            data?: {
              [key: string]: unknown;
            };
            /** @description Repeating the request with the same key sends nothing more. */
            idempotencyKey: string;
            /** @enum {string} */
            template:
              | 'welcome'
              | 'trial-expiring'
              | 'trial-expired'
              | 'password-reset'
              | 'email-verification'
              | 'invitation'
              | 'waitlist-accepted'
              | 'payment-failed'
              | 'license-expiring'
              | 'dictation_reminder'
              | 'feature_announcement'
              | 'subscription_change';
            userId: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deliveries: {
                /** @enum {string} */
                channel: 'email' | 'push' | 'sms';
                deviceId?: string;
                id: string;
                /** @description Milliseconds since the epoch. */
                scheduledFor: number;
                /** @enum {string} */
                status: 'queued' | 'sent' | 'failed' | 'bounced' | 'delivered' | 'opened' | 'suppressed';
              }[];
              skipped: {
                /** @enum {string} */
                channel: 'email' | 'push' | 'sms';
                /** @enum {string} */
                reason: 'preferences' | 'no_address' | 'no_devices' | 'channel_unavailable';
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delivery/outbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the dev outbox
     * @description Messages the `console` email adapter kept (the embedded default), newest first, for one day. Empty with a real provider. Requires role `admin`; acts on the caller’s product only.
     */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
          /** @description Page size (1-200). */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description Milliseconds since the epoch. */
                createdAt: number;
                from: string;
                headers: {
                  [key: string]: string;
                };
                html: string;
                id: string;
                subject: string;
                template: string;
                text: string;
                to: string;
              }[];
              /** @description Pass as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delivery/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Delivery stats per day
     * @description Sent, failed, bounced, delivered, opened and suppressed sends per day (UTC) over at most 92 days. Requires role `admin`; acts on the caller’s product only.
     */
    get: {
      parameters: {
        query: {
          /** @description Start (ISO 8601). */
          from: string;
          /** @description End, exclusive (ISO 8601); at most 92 days after `from`. */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              days: {
                bounced: number;
                /** @description YYYY-MM-DD (UTC) the sends were requested. */
                day: string;
                delivered: number;
                failed: number;
                opened: number;
                queued: number;
                sent: number;
                suppressed: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delivery/suppressions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List suppressed addresses
     * @description Requires role `admin`; acts on the caller’s product only.
     */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
          /** @description Page size (1-200). */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description Milliseconds since the epoch. */
                createdAt: number;
                email: string;
                id: string;
                productId: string;
                /** @enum {string} */
                reason: 'hard_bounce' | 'spam_complaint' | 'manual' | 'provider_rejected';
                source: string;
              }[];
              /** @description Pass as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Suppress an address
     * @description No email is sent to it until the entry is removed (sends are logged as `suppressed`). Audited. Requires role `admin`; acts on the caller’s product only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            /**
             * @default manual
             * @enum {string}
             */
            reason?: 'manual';
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Milliseconds since the epoch. */
              createdAt: number;
              email: string;
              id: string;
              productId: string;
              /** @enum {string} */
              reason: 'hard_bounce' | 'spam_complaint' | 'manual' | 'provider_rejected';
              source: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delivery/suppressions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Lift a suppression
     * @description Audited. Requires role `admin`; acts on the caller’s product only.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delivery/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List email templates
     * @description Requires role `admin`; acts on the caller’s product only.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @enum {string} */
                category: 'security' | 'account' | 'billing' | 'onboarding' | 'product' | 'reminders';
                /** @enum {string} */
                channel: 'email';
                description: string;
                name: string;
                /** @description True when the product has its own version. */
                overridden: boolean;
                /** @description Sample data used by previews and tests. */
                sample: {
                  [key: string]: unknown;
                };
                /** @description Security mail: always sent, data never kept once sent. */
                security: boolean;
                /** @description False: carries List-Unsubscribe and follows opt-outs. */
                transactional: boolean;
                updatedAt: number | null;
                updatedBy: string | null;
                /** @description Variables the template declares (plus productName, appUrl, year, unsubscribeUrl). */
                variables: string[];
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delivery/templates/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an email template
     * @description Requires role `admin`; acts on the caller’s product only.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description An email template. */
          name:
            | 'welcome'
            | 'trial-expiring'
            | 'trial-expired'
            | 'password-reset'
            | 'email-verification'
            | 'invitation'
            | 'waitlist-accepted'
            | 'payment-failed'
            | 'license-expiring';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              category: 'security' | 'account' | 'billing' | 'onboarding' | 'product' | 'reminders';
              /** @enum {string} */
              channel: 'email';
              /** @description The shipped default. */
              defaultSource: {
                /** @description Handlebars, HTML-escaped, placed in the shared layout. */
                html: string;
                /** @description Handlebars, rendered as text. */
                subject: string;
                /** @description Handlebars, rendered as text (plain-text part). */
                text: string;
              };
              description: string;
              name: string;
              /** @description True when the product has its own version. */
              overridden: boolean;
              /** @description Sample data used by previews and tests. */
              sample: {
                [key: string]: unknown;
              };
              /** @description Security mail: always sent, data never kept once sent. */
              security: boolean;
              /** @description What is sent now (the override or the default). */
              source: {
                /** @description Handlebars, HTML-escaped, placed in the shared layout. */
                html: string;
                /** @description Handlebars, rendered as text. */
                subject: string;
                /** @description Handlebars, rendered as text (plain-text part). */
                text: string;
              };
              /** @description False: carries List-Unsubscribe and follows opt-outs. */
              transactional: boolean;
              updatedAt: number | null;
              updatedBy: string | null;
              /** @description Variables the template declares (plus productName, appUrl, year, unsubscribeUrl). */
              variables: string[];
            };
          };
        };
      };
    };
    /**
     * Override an email template
     * @description Saves the product's own subject, HTML and text. Checked first: 400 (each problem listed) when it does not render with the template's variables. Audited. Requires role `admin`; acts on the caller’s product only.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description An email template. */
          name:
            | 'welcome'
            | 'trial-expiring'
            | 'trial-expired'
            | 'password-reset'
            | 'email-verification'
            | 'invitation'
            | 'waitlist-accepted'
            | 'payment-failed'
            | 'license-expiring';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Handlebars, HTML-escaped, placed in the shared layout. */
            html: string;
            /** @description Handlebars, rendered as text. */
            subject: string;
            /** @description Handlebars, rendered as text (plain-text part). */
            text: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              category: 'security' | 'account' | 'billing' | 'onboarding' | 'product' | 'reminders';
              /** @enum {string} */
              channel: 'email';
              /** @description The shipped default. */
              defaultSource: {
                /** @description Handlebars, HTML-escaped, placed in the shared layout. */
                html: string;
                /** @description Handlebars, rendered as text. */
                subject: string;
                /** @description Handlebars, rendered as text (plain-text part). */
                text: string;
              };
              description: string;
              name: string;
              /** @description True when the product has its own version. */
              overridden: boolean;
              /** @description Sample data used by previews and tests. */
              sample: {
                [key: string]: unknown;
              };
              /** @description Security mail: always sent, data never kept once sent. */
              security: boolean;
              /** @description What is sent now (the override or the default). */
              source: {
                /** @description Handlebars, HTML-escaped, placed in the shared layout. */
                html: string;
                /** @description Handlebars, rendered as text. */
                subject: string;
                /** @description Handlebars, rendered as text (plain-text part). */
                text: string;
              };
              /** @description False: carries List-Unsubscribe and follows opt-outs. */
              transactional: boolean;
              updatedAt: number | null;
              updatedBy: string | null;
              /** @description Variables the template declares (plus productName, appUrl, year, unsubscribeUrl). */
              variables: string[];
            };
          };
        };
      };
    };
    post?: never;
    /**
     * Reset an email template
     * @description Removes the product's override: the shipped default is sent again. Audited. Requires role `admin`; acts on the caller’s product only.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description An email template. */
          name:
            | 'welcome'
            | 'trial-expiring'
            | 'trial-expired'
            | 'password-reset'
            | 'email-verification'
            | 'invitation'
            | 'waitlist-accepted'
            | 'payment-failed'
            | 'license-expiring';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delivery/templates/{name}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Preview an email template
     * @description Renders the current (or given, unsaved) source with sample (or given) data; 400 (each problem listed) when a variable is missing or wrong. Requires role `admin`; acts on the caller’s product only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description An email template. */
          name:
            | 'welcome'
            | 'trial-expiring'
            | 'trial-expired'
            | 'password-reset'
            | 'email-verification'
            | 'invitation'
            | 'waitlist-accepted'
            | 'payment-failed'
            | 'license-expiring';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Variables; default the sample. */
            data?: {
              [key: string]: unknown;
            };
            /** @description Unsaved source to try; default the current one. */
            source?: {
              /** @description Handlebars, HTML-escaped, placed in the shared layout. */
              html: string;
              /** @description Handlebars, rendered as text. */
              subject: string;
              /** @description Handlebars, rendered as text (plain-text part). */
              text: string;
            };
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              html: string;
              subject: string;
              text: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delivery/templates/{name}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a test email
     * @description Queues the template, rendered with sample (or given) data, to an address. Audited. Requires role `admin`; acts on the caller’s product only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description An email template. */
          name:
            | 'welcome'
            | 'trial-expiring'
            | 'trial-expired'
            | 'password-reset'
            | 'email-verification'
            | 'invitation'
            | 'waitlist-accepted'
            | 'payment-failed'
            | 'license-expiring';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Variables; default the sample. */
            data?: {
              [key: string]: unknown;
            };
            /** Format: email */
            to: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deliveries: {
                /** @enum {string} */
                channel: 'email' | 'push' | 'sms';
                deviceId?: string;
                id: string;
                /** @description Milliseconds since the epoch. */
                scheduledFor: number;
                /** @enum {string} */
                status: 'queued' | 'sent' | 'failed' | 'bounced' | 'delivered' | 'opened' | 'suppressed';
              }[];
              skipped: {
                /** @enum {string} */
                channel: 'email' | 'push' | 'sms';
                /** @enum {string} */
                reason: 'preferences' | 'no_address' | 'no_devices' | 'channel_unavailable';
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delivery/webhooks/postmark': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Postmark webhook
     * @description Delivery, Open, Bounce and SpamComplaint webhooks, authenticated with the configured basic-auth credentials (constant-time check); each event id is applied once.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description The provider’s JSON payload, verified before it is read. */
      requestBody: {
        content: {
          'application/json': unknown;
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applied: number;
              duplicates: number;
              received: number;
              stale: number;
              unmatched: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delivery/webhooks/sendgrid': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * SendGrid event webhook
     * @description Signed events (delivered, open, bounce, spamreport, dropped). Verified with the configured public key over the timestamp header and the raw body; timestamps more than 5 minutes away are refused; each event id is applied once.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description The provider’s JSON payload, verified before it is read. */
      requestBody: {
        content: {
          'application/json': unknown;
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applied: number;
              duplicates: number;
              received: number;
              stale: number;
              unmatched: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/events/catalog': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the event catalog
     * @description Every event type with its version and the JSON Schema of its payload.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                description: string;
                /** @description JSON Schema of the payload. */
                schema: {
                  [key: string]: unknown;
                };
                type: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/flags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List flags
     * @description The product’s flags by key, paged. Requires role `admin`; reads the caller’s product only.
     */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
          /** @description Page size (1-200). */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A page of flags, by key. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description The attribute percentage rollouts and splits hash (default `userId`). */
                bucketBy: string;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                /** @description Served when no rule serves. */
                defaultServe:
                  | {
                      /** @description Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`). */
                      percentage?: number;
                      variant: string;
                    }
                  | {
                      /** @description Weights in percent (two decimals), adding up to 100. */
                      split: {
                        variant: string;
                        weight: number;
                      }[];
                    };
                description: string;
                enabled: boolean;
                /** @description `flag_` + 26 time-sortable characters (stable across edits). */
                id: string;
                /** @description The flag key, unique in its product, e.g. `new-checkout`. */
                key: string;
                /** @description Served when the flag is disabled, a prerequisite fails, or a rollout leaves the context out. */
                offVariant: string;
                /** @description Who is responsible for the flag (a person or team). */
                owner?: string;
                prerequisites: {
                  /** @description The flag this one depends on. */
                  key: string;
                  /** @description The prerequisite must evaluate (same context) to one of these variants. */
                  variants: string[];
                }[];
                productId: string;
                rules: {
                  /**
                   * @description All must hold (AND); none: every context.
                   * @default []
                   */
                  conditions: (
                    | {
                        /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                        attribute: string;
                        /** @enum {string} */
                        operator: 'eq' | 'neq';
                        value: string | number | boolean;
                      }
                    | {
                        /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                        attribute: string;
                        /** @enum {string} */
                        operator: 'in' | 'not_in';
                        values: (string | number)[];
                      }
                    | {
                        /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                        attribute: string;
                        /** @enum {string} */
                        operator: 'contains' | 'starts_with' | 'ends_with';
                        value: string;
                      }
                    | {
                        /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                        attribute: string;
                        /** @enum {string} */
                        operator: 'gt' | 'gte' | 'lt' | 'lte';
                        value: number | string;
                      }
                    | {
                        /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                        attribute: string;
                        /** @enum {string} */
                        operator: 'semver_eq' | 'semver_gt' | 'semver_gte' | 'semver_lt' | 'semver_lte';
                        value: string;
                      }
                    | {
                        /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                        attribute: string;
                        /** @enum {string} */
                        operator: 'semver_range';
                        value: string;
                      }
                    | {
                        /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                        attribute: string;
                        ignoreCase?: boolean;
                        /** @enum {string} */
                        operator: 'regex';
                        value: string;
                      }
                    | {
                        /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                        attribute: string;
                        /** @enum {string} */
                        operator: 'exists' | 'not_exists';
                      }
                  )[];
                  description?: string;
                  serve:
                    | {
                        /** @description Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`). */
                        percentage?: number;
                        variant: string;
                      }
                    | {
                        /** @description Weights in percent (two decimals), adding up to 100. */
                        split: {
                          variant: string;
                          weight: number;
                        }[];
                      };
                }[];
                /** @description Hashed with the bucketing value; default the flag key. Changing it reshuffles every bucket. */
                seed: string;
                /** @description True once `staleAfter` has passed. */
                stale: boolean;
                /** @description After this date the flag is reported `stale` (time to remove it). */
                staleAfter?: string;
                tags: string[];
                /** @enum {string} */
                type: 'boolean' | 'string' | 'number' | 'json';
                /** Format: date-time */
                updatedAt: string;
                updatedBy: string;
                variants: {
                  description?: string;
                  key: string;
                  /** @description A value of the flag’s type (JSON for `json`). */
                  value: unknown;
                }[];
                /** @description Starts at 1, +1 on every change. */
                version: number;
              }[];
              /** @description Pass as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create a flag
     * @description 422 `flag_prerequisite_cycle` / `flag_prerequisite_unknown` for bad prerequisites, 409 `flag_exists` for a taken key. Requires role `admin`; acts on the caller’s product only. Audited.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description A new flag. */
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description The attribute percentage rollouts and splits hash (default `userId`).
             * @default userId
             */
            bucketBy?: string;
            /** @description Default: `{ "variant": "on" }` for booleans, else the off variant. */
            defaultServe?:
              | {
                  /** @description Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`). */
                  percentage?: number;
                  variant: string;
                }
              | {
                  /** @description Weights in percent (two decimals), adding up to 100. */
                  split: {
                    variant: string;
                    weight: number;
                  }[];
                };
            /** @default  */
            description?: string;
            /** @default false */
            enabled?: boolean;
            /** @description The flag key, unique in its product, e.g. `new-checkout`. */
            key: string;
            /** @description Default `off` for booleans, else the first variant. */
            offVariant?: string;
            /** @description Who is responsible for the flag (a person or team). */
            owner?: string;
            /** @default [] */
            prerequisites?: {
              /** @description The flag this one depends on. */
              key: string;
              /** @description The prerequisite must evaluate (same context) to one of these variants. */
              variants: string[];
            }[];
            /** @default [] */
            rules?: {
              /**
               * @description All must hold (AND); none: every context.
               * @default []
               */
              conditions?: (
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'eq' | 'neq';
                    value: string | number | boolean;
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'in' | 'not_in';
                    values: (string | number)[];
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'contains' | 'starts_with' | 'ends_with';
                    value: string;
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'gt' | 'gte' | 'lt' | 'lte';
                    value: number | string;
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'semver_eq' | 'semver_gt' | 'semver_gte' | 'semver_lt' | 'semver_lte';
                    value: string;
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'semver_range';
                    value: string;
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    ignoreCase?: boolean;
                    /** @enum {string} */
                    operator: 'regex';
                    value: string;
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'exists' | 'not_exists';
                  }
              )[];
              description?: string;
              serve:
                | {
                    /** @description Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`). */
                    percentage?: number;
                    variant: string;
                  }
                | {
                    /** @description Weights in percent (two decimals), adding up to 100. */
                    split: {
                      variant: string;
                      weight: number;
                    }[];
                  };
            }[];
            /** @description Hashed with the bucketing value; default the flag key. Changing it reshuffles every bucket. */
            seed?: string;
            /** @description After this date the flag is reported `stale` (time to remove it). */
            staleAfter?: string;
            /** @default [] */
            tags?: string[];
            /**
             * @default boolean
             * @enum {string}
             */
            type?: 'boolean' | 'string' | 'number' | 'json';
            /** @description Required unless `type` is `boolean` (default `on` = true, `off` = false). */
            variants?: {
              description?: string;
              key: string;
              /** @description A value of the flag’s type (JSON for `json`). */
              value: unknown;
            }[];
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A feature flag. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The attribute percentage rollouts and splits hash (default `userId`). */
              bucketBy: string;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /** @description Served when no rule serves. */
              defaultServe:
                | {
                    /** @description Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`). */
                    percentage?: number;
                    variant: string;
                  }
                | {
                    /** @description Weights in percent (two decimals), adding up to 100. */
                    split: {
                      variant: string;
                      weight: number;
                    }[];
                  };
              description: string;
              enabled: boolean;
              /** @description `flag_` + 26 time-sortable characters (stable across edits). */
              id: string;
              /** @description The flag key, unique in its product, e.g. `new-checkout`. */
              key: string;
              /** @description Served when the flag is disabled, a prerequisite fails, or a rollout leaves the context out. */
              offVariant: string;
              /** @description Who is responsible for the flag (a person or team). */
              owner?: string;
              prerequisites: {
                /** @description The flag this one depends on. */
                key: string;
                /** @description The prerequisite must evaluate (same context) to one of these variants. */
                variants: string[];
              }[];
              productId: string;
              rules: {
                /**
                 * @description All must hold (AND); none: every context.
                 * @default []
                 */
                conditions: (
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'eq' | 'neq';
                      value: string | number | boolean;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'in' | 'not_in';
                      values: (string | number)[];
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'contains' | 'starts_with' | 'ends_with';
                      value: string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'gt' | 'gte' | 'lt' | 'lte';
                      value: number | string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'semver_eq' | 'semver_gt' | 'semver_gte' | 'semver_lt' | 'semver_lte';
                      value: string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'semver_range';
                      value: string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      ignoreCase?: boolean;
                      /** @enum {string} */
                      operator: 'regex';
                      value: string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'exists' | 'not_exists';
                    }
                )[];
                description?: string;
                serve:
                  | {
                      /** @description Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`). */
                      percentage?: number;
                      variant: string;
                    }
                  | {
                      /** @description Weights in percent (two decimals), adding up to 100. */
                      split: {
                        variant: string;
                        weight: number;
                      }[];
                    };
              }[];
              /** @description Hashed with the bucketing value; default the flag key. Changing it reshuffles every bucket. */
              seed: string;
              /** @description True once `staleAfter` has passed. */
              stale: boolean;
              /** @description After this date the flag is reported `stale` (time to remove it). */
              staleAfter?: string;
              tags: string[];
              /** @enum {string} */
              type: 'boolean' | 'string' | 'number' | 'json';
              /** Format: date-time */
              updatedAt: string;
              updatedBy: string;
              variants: {
                description?: string;
                key: string;
                /** @description A value of the flag’s type (JSON for `json`). */
                value: unknown;
              }[];
              /** @description Starts at 1, +1 on every change. */
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/flags/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a flag
     * @description With its `etag` header (send it back as `If-Match` when editing). Requires role `admin`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The flag key, unique in its product, e.g. `new-checkout`. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A feature flag. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The attribute percentage rollouts and splits hash (default `userId`). */
              bucketBy: string;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /** @description Served when no rule serves. */
              defaultServe:
                | {
                    /** @description Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`). */
                    percentage?: number;
                    variant: string;
                  }
                | {
                    /** @description Weights in percent (two decimals), adding up to 100. */
                    split: {
                      variant: string;
                      weight: number;
                    }[];
                  };
              description: string;
              enabled: boolean;
              /** @description `flag_` + 26 time-sortable characters (stable across edits). */
              id: string;
              /** @description The flag key, unique in its product, e.g. `new-checkout`. */
              key: string;
              /** @description Served when the flag is disabled, a prerequisite fails, or a rollout leaves the context out. */
              offVariant: string;
              /** @description Who is responsible for the flag (a person or team). */
              owner?: string;
              prerequisites: {
                /** @description The flag this one depends on. */
                key: string;
                /** @description The prerequisite must evaluate (same context) to one of these variants. */
                variants: string[];
              }[];
              productId: string;
              rules: {
                /**
                 * @description All must hold (AND); none: every context.
                 * @default []
                 */
                conditions: (
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'eq' | 'neq';
                      value: string | number | boolean;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'in' | 'not_in';
                      values: (string | number)[];
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'contains' | 'starts_with' | 'ends_with';
                      value: string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'gt' | 'gte' | 'lt' | 'lte';
                      value: number | string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'semver_eq' | 'semver_gt' | 'semver_gte' | 'semver_lt' | 'semver_lte';
                      value: string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'semver_range';
                      value: string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      ignoreCase?: boolean;
                      /** @enum {string} */
                      operator: 'regex';
                      value: string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'exists' | 'not_exists';
                    }
                )[];
                description?: string;
                serve:
                  | {
                      /** @description Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`). */
                      percentage?: number;
                      variant: string;
                    }
                  | {
                      /** @description Weights in percent (two decimals), adding up to 100. */
                      split: {
                        variant: string;
                        weight: number;
                      }[];
                    };
              }[];
              /** @description Hashed with the bucketing value; default the flag key. Changing it reshuffles every bucket. */
              seed: string;
              /** @description True once `staleAfter` has passed. */
              stale: boolean;
              /** @description After this date the flag is reported `stale` (time to remove it). */
              staleAfter?: string;
              tags: string[];
              /** @enum {string} */
              type: 'boolean' | 'string' | 'number' | 'json';
              /** Format: date-time */
              updatedAt: string;
              updatedBy: string;
              variants: {
                description?: string;
                key: string;
                /** @description A value of the flag’s type (JSON for `json`). */
                value: unknown;
              }[];
              /** @description Starts at 1, +1 on every change. */
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a flag
     * @description 422 `flag_has_dependents` while other flags list it as a prerequisite. Requires role `admin`; acts on the caller’s product only. Audited.
     */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description The `etag` of the version you edited: 412 if it changed since. */
          'if-match'?: string;
        };
        path: {
          /** @description The flag key, unique in its product, e.g. `new-checkout`. */
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Deleted. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a flag
     * @description Changes the given fields (e.g. `{ "enabled": false }` to turn it off). With `If-Match`, 412 `flag_changed` if someone changed it since. Requires role `admin`; acts on the caller’s product only. Audited.
     */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description The `etag` of the version you edited: 412 if it changed since. */
          'if-match'?: string;
        };
        path: {
          /** @description The flag key, unique in its product, e.g. `new-checkout`. */
          key: string;
        };
        cookie?: never;
      };
      /** @description The fields to change; the others keep their value. */
      requestBody: {
        content: {
          'application/json': {
            /** @description The attribute percentage rollouts and splits hash (default `userId`). */
            bucketBy?: string;
            /** @description Served when no rule serves. */
            defaultServe?:
              | {
                  /** @description Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`). */
                  percentage?: number;
                  variant: string;
                }
              | {
                  /** @description Weights in percent (two decimals), adding up to 100. */
                  split: {
                    variant: string;
                    weight: number;
                  }[];
                };
            description?: string;
            enabled?: boolean;
            /** @description Served when the flag is disabled, a prerequisite fails, or a rollout leaves the context out. */
            offVariant?: string;
            /** @description `null` clears it. */
            owner?: string | null;
            prerequisites?: {
              /** @description The flag this one depends on. */
              key: string;
              /** @description The prerequisite must evaluate (same context) to one of these variants. */
              variants: string[];
            }[];
            rules?: {
              /**
               * @description All must hold (AND); none: every context.
               * @default []
               */
              conditions?: (
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'eq' | 'neq';
                    value: string | number | boolean;
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'in' | 'not_in';
                    values: (string | number)[];
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'contains' | 'starts_with' | 'ends_with';
                    value: string;
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'gt' | 'gte' | 'lt' | 'lte';
                    value: number | string;
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'semver_eq' | 'semver_gt' | 'semver_gte' | 'semver_lt' | 'semver_lte';
                    value: string;
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'semver_range';
                    value: string;
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    ignoreCase?: boolean;
                    /** @enum {string} */
                    operator: 'regex';
                    value: string;
                  }
                | {
                    /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                    attribute: string;
                    /** @enum {string} */
                    operator: 'exists' | 'not_exists';
                  }
              )[];
              description?: string;
              serve:
                | {
                    /** @description Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`). */
                    percentage?: number;
                    variant: string;
                  }
                | {
                    /** @description Weights in percent (two decimals), adding up to 100. */
                    split: {
                      variant: string;
                      weight: number;
                    }[];
                  };
            }[];
            /** @description Hashed with the bucketing value; default the flag key. Changing it reshuffles every bucket. */
            seed?: string;
            /** @description `null` clears it. */
            staleAfter?: string | null;
            tags?: string[];
            /** @enum {string} */
            type?: 'boolean' | 'string' | 'number' | 'json';
            variants?: {
              description?: string;
              key: string;
              /** @description A value of the flag’s type (JSON for `json`). */
              value: unknown;
            }[];
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A feature flag. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The attribute percentage rollouts and splits hash (default `userId`). */
              bucketBy: string;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              /** @description Served when no rule serves. */
              defaultServe:
                | {
                    /** @description Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`). */
                    percentage?: number;
                    variant: string;
                  }
                | {
                    /** @description Weights in percent (two decimals), adding up to 100. */
                    split: {
                      variant: string;
                      weight: number;
                    }[];
                  };
              description: string;
              enabled: boolean;
              /** @description `flag_` + 26 time-sortable characters (stable across edits). */
              id: string;
              /** @description The flag key, unique in its product, e.g. `new-checkout`. */
              key: string;
              /** @description Served when the flag is disabled, a prerequisite fails, or a rollout leaves the context out. */
              offVariant: string;
              /** @description Who is responsible for the flag (a person or team). */
              owner?: string;
              prerequisites: {
                /** @description The flag this one depends on. */
                key: string;
                /** @description The prerequisite must evaluate (same context) to one of these variants. */
                variants: string[];
              }[];
              productId: string;
              rules: {
                /**
                 * @description All must hold (AND); none: every context.
                 * @default []
                 */
                conditions: (
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'eq' | 'neq';
                      value: string | number | boolean;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'in' | 'not_in';
                      values: (string | number)[];
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'contains' | 'starts_with' | 'ends_with';
                      value: string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'gt' | 'gte' | 'lt' | 'lte';
                      value: number | string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'semver_eq' | 'semver_gt' | 'semver_gte' | 'semver_lt' | 'semver_lte';
                      value: string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'semver_range';
                      value: string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      ignoreCase?: boolean;
                      /** @enum {string} */
                      operator: 'regex';
                      value: string;
                    }
                  | {
                      /** @description A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute. */
                      attribute: string;
                      /** @enum {string} */
                      operator: 'exists' | 'not_exists';
                    }
                )[];
                description?: string;
                serve:
                  | {
                      /** @description Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`). */
                      percentage?: number;
                      variant: string;
                    }
                  | {
                      /** @description Weights in percent (two decimals), adding up to 100. */
                      split: {
                        variant: string;
                        weight: number;
                      }[];
                    };
              }[];
              /** @description Hashed with the bucketing value; default the flag key. Changing it reshuffles every bucket. */
              seed: string;
              /** @description True once `staleAfter` has passed. */
              stale: boolean;
              /** @description After this date the flag is reported `stale` (time to remove it). */
              staleAfter?: string;
              tags: string[];
              /** @enum {string} */
              type: 'boolean' | 'string' | 'number' | 'json';
              /** Format: date-time */
              updatedAt: string;
              updatedBy: string;
              variants: {
                description?: string;
                key: string;
                /** @description A value of the flag’s type (JSON for `json`). */
                value: unknown;
              }[];
              /** @description Starts at 1, +1 on every change. */
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/flags/evaluate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Evaluate flags for a context
     * @description Every flag of the caller’s product (or `keys`), with OpenFeature reasons. For a user token, `userId` and `roles` are the caller’s own; services and API tokens may name them. Any authenticated principal.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Who and where the flags are evaluated for.
             * @default {}
             */
            context?: {
              /** @description A semantic version, e.g. `2.4.1`. */
              appVersion?: string;
              /** @description Custom attributes; the named fields above win over an attribute of the same name. */
              attributes?: {
                [key: string]: string | number | boolean | string[];
              };
              deviceId?: string;
              plan?: string;
              /** @description e.g. `ios`, `android`, `web`, `desktop`. */
              platform?: string;
              /** @description Ignored for user tokens (the caller’s roles are used). */
              roles?: string[];
              /** @description Ignored for user tokens (the caller’s own id is used); services and API tokens may name the user. */
              userId?: string;
            };
            /** @description Only these flags (an unknown key answers `ERROR` / `FLAG_NOT_FOUND`); default every flag. */
            keys?: string[];
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Every flag of the product (or the requested ones), evaluated for the context. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              flags: {
                [key: string]: {
                  /**
                   * @description OpenFeature error code, with reason `ERROR`.
                   * @enum {string}
                   */
                  errorCode?:
                    | 'FLAG_NOT_FOUND'
                    | 'TARGETING_KEY_MISSING'
                    | 'TYPE_MISMATCH'
                    | 'GENERAL'
                    | 'PARSE_ERROR';
                  /** @description With reason `DISABLED`: the prerequisite flag that did not pass. */
                  prerequisite?: string;
                  /**
                   * @description OpenFeature resolution reason.
                   * @enum {string}
                   */
                  reason: 'STATIC' | 'DEFAULT' | 'TARGETING_MATCH' | 'SPLIT' | 'DISABLED' | 'ERROR';
                  /** @description The served value (absent only for an unknown flag). */
                  value?: unknown;
                  variant?: string;
                };
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List scheduled jobs
     * @description With each job’s last run status and next run. Requires role `admin`; acts in the caller’s product.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Jobs, by name. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                catchUp: {
                  /** @enum {string} */
                  policy: 'skip' | 'latest' | 'all';
                  windowMs: number | null;
                };
                /** @description Set in code; a disabled job never runs. */
                enabled: boolean;
                lastRunAt: string | null;
                lastRunError: string | null;
                /** @description The latest run’s id, which is its task id. */
                lastRunId: string | null;
                lastRunStatus:
                  | (
                      | 'queued'
                      | 'running'
                      | 'failed'
                      | 'completed'
                      | 'dead'
                      | 'cancelled'
                      | 'skipped'
                      | 'unknown'
                    )
                  | null;
                name: string;
                /** @description The next slot not yet handled; null when there is none. */
                nextRunAt: string | null;
                /** @enum {string} */
                overlap: 'skip' | 'allow';
                /** @description Set by an admin (pause / resume). */
                paused: boolean;
                productId: string;
                schedule:
                  | {
                      cron: string;
                      /** @enum {string} */
                      kind: 'cron';
                      timezone: string;
                    }
                  | {
                      everyMs: number;
                      /** @enum {string} */
                      kind: 'interval';
                    };
                timezone: string;
                /** @description The task type each run enqueues. */
                type: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/jobs/{name}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a job
     * @description No scheduled run starts until it is resumed (manual runs still work). Requires role `admin`; acts in the caller’s product.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Job name, e.g. `jobs.dead-letter-report`. */
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A scheduled job with its last run and next run. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              catchUp: {
                /** @enum {string} */
                policy: 'skip' | 'latest' | 'all';
                windowMs: number | null;
              };
              /** @description Set in code; a disabled job never runs. */
              enabled: boolean;
              lastRunAt: string | null;
              lastRunError: string | null;
              /** @description The latest run’s id, which is its task id. */
              lastRunId: string | null;
              lastRunStatus:
                | (
                    | 'queued'
                    | 'running'
                    | 'failed'
                    | 'completed'
                    | 'dead'
                    | 'cancelled'
                    | 'skipped'
                    | 'unknown'
                  )
                | null;
              name: string;
              /** @description The next slot not yet handled; null when there is none. */
              nextRunAt: string | null;
              /** @enum {string} */
              overlap: 'skip' | 'allow';
              /** @description Set by an admin (pause / resume). */
              paused: boolean;
              productId: string;
              schedule:
                | {
                    cron: string;
                    /** @enum {string} */
                    kind: 'cron';
                    timezone: string;
                  }
                | {
                    everyMs: number;
                    /** @enum {string} */
                    kind: 'interval';
                  };
              timezone: string;
              /** @description The task type each run enqueues. */
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/jobs/{name}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume a job
     * @description Continues at the next slot; slots that fell in the pause are not run. Requires role `admin`; acts in the caller’s product.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Job name, e.g. `jobs.dead-letter-report`. */
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A scheduled job with its last run and next run. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              catchUp: {
                /** @enum {string} */
                policy: 'skip' | 'latest' | 'all';
                windowMs: number | null;
              };
              /** @description Set in code; a disabled job never runs. */
              enabled: boolean;
              lastRunAt: string | null;
              lastRunError: string | null;
              /** @description The latest run’s id, which is its task id. */
              lastRunId: string | null;
              lastRunStatus:
                | (
                    | 'queued'
                    | 'running'
                    | 'failed'
                    | 'completed'
                    | 'dead'
                    | 'cancelled'
                    | 'skipped'
                    | 'unknown'
                  )
                | null;
              name: string;
              /** @description The next slot not yet handled; null when there is none. */
              nextRunAt: string | null;
              /** @enum {string} */
              overlap: 'skip' | 'allow';
              /** @description Set by an admin (pause / resume). */
              paused: boolean;
              productId: string;
              schedule:
                | {
                    cron: string;
                    /** @enum {string} */
                    kind: 'cron';
                    timezone: string;
                  }
                | {
                    everyMs: number;
                    /** @enum {string} */
                    kind: 'interval';
                  };
              timezone: string;
              /** @description The task type each run enqueues. */
              type: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/jobs/{name}/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run a job now
     * @description Enqueues a run now, whatever its schedule, pause or overlap policy; answers with its task. Requires role `admin`; acts in the caller’s product.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Job name, e.g. `jobs.dead-letter-report`. */
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A background task. */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: number;
              cancelRequested: boolean;
              concurrencyKey: string | null;
              /** Format: date-time */
              createdAt: string;
              /** @description Failed attempts, oldest first (the latest 50). */
              errors: {
                /** Format: date-time */
                at: string;
                attempt: number;
                message: string;
                name: string;
              }[];
              finishedAt: string | null;
              id: string;
              idempotencyKey: string | null;
              /** @description The running attempt’s worker and lease expiry. */
              lease: {
                /** Format: date-time */
                expiresAt: string;
                workerId: string;
              } | null;
              maxAttempts: number;
              /** @description Any JSON value. */
              payload: unknown;
              priority: number;
              productId: string;
              progress: unknown | null;
              result: unknown | null;
              /**
               * Format: date-time
               * @description Earliest time of the next attempt.
               */
              runAt: string;
              startedAt: string | null;
              /** @enum {string} */
              state: 'queued' | 'running' | 'completed' | 'dead' | 'cancelled';
              timeoutMs: number | null;
              type: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/jobs/{name}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Run history of a job
     * @description Newest first, optionally one status. Requires role `admin`; acts in the caller’s product.
     */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
          /** @description Page size (1-100). */
          limit?: number;
          /** @description Only runs in this status. */
          status?:
            | 'queued'
            | 'running'
            | 'failed'
            | 'completed'
            | 'dead'
            | 'cancelled'
            | 'skipped'
            | 'unknown';
        };
        header?: never;
        path: {
          /** @description Job name, e.g. `jobs.dead-letter-report`. */
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A page of runs, newest first. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                attempts: number;
                completedAt: string | null;
                error: string | null;
                jobName: string;
                productId: string;
                /** @description The run’s task id. */
                runId: string;
                /** Format: date-time */
                scheduledAt: string;
                startedAt: string | null;
                /** @enum {string} */
                status:
                  | 'queued'
                  | 'running'
                  | 'failed'
                  | 'completed'
                  | 'dead'
                  | 'cancelled'
                  | 'skipped'
                  | 'unknown';
                /** @enum {string} */
                trigger: 'schedule' | 'manual';
              }[];
              /** @description Pass as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your push devices */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description False once the provider said the token is no longer valid. */
                active: boolean;
                appVersion: string | null;
                /** @description Milliseconds since the epoch. */
                createdAt: number;
                deactivationReason: string | null;
                id: string;
                /** @description Milliseconds since the epoch. */
                lastSeenAt: number;
                locale: string | null;
                /** @enum {string} */
                platform: 'ios' | 'android' | 'web';
                /** @description The token’s last 4 characters. */
                tokenSuffix: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Register a push device
     * @description Registering a token again updates it (app version, last seen) and reactivates it.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            appVersion?: string;
            locale?: string;
            /** @enum {string} */
            platform: 'ios' | 'android' | 'web';
            token: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description False once the provider said the token is no longer valid. */
              active: boolean;
              appVersion: string | null;
              /** @description Milliseconds since the epoch. */
              createdAt: number;
              deactivationReason: string | null;
              id: string;
              /** @description Milliseconds since the epoch. */
              lastSeenAt: number;
              locale: string | null;
              /** @enum {string} */
              platform: 'ios' | 'android' | 'web';
              /** @description The token’s last 4 characters. */
              tokenSuffix: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/devices/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Unregister a push device */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your notification preferences */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description false turns a channel off for a category; security mail is always sent. */
              categories: {
                [key: string]: {
                  email?: boolean;
                  push?: boolean;
                  sms?: boolean;
                };
              };
              /** @description Push and SMS wait until they end, unless critical. */
              quietHours: {
                /** @description HH:MM local time. */
                end: string;
                /** @description HH:MM local time. */
                start: string;
              } | null;
              /** @description IANA time zone for quiet hours. */
              timezone: string;
              updatedAt: number | null;
            };
          };
        };
      };
    };
    /**
     * Update your notification preferences
     * @description Merges: categories given replace those channels only; omitted fields are kept.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            categories?: {
              [key: string]: {
                email?: boolean;
                push?: boolean;
                sms?: boolean;
              };
            };
            quietHours?: {
              /** @description HH:MM local time. */
              end: string;
              /** @description HH:MM local time. */
              start: string;
            } | null;
            timezone?: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description false turns a channel off for a category; security mail is always sent. */
              categories: {
                [key: string]: {
                  email?: boolean;
                  push?: boolean;
                  sms?: boolean;
                };
              };
              /** @description Push and SMS wait until they end, unless critical. */
              quietHours: {
                /** @description HH:MM local time. */
                end: string;
                /** @description HH:MM local time. */
                start: string;
              } | null;
              /** @description IANA time zone for quiet hours. */
              timezone: string;
              updatedAt: number | null;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/public/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Current status of a product
     * @description Overall status, components, active incidents and maintenance. Public and cacheable. The product is `?product=`, else the service’s default product.
     */
    get: {
      parameters: {
        query?: {
          /** @description The product (default: the service’s default product). */
          product?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The product’s current status. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Unresolved incidents, newest first. */
              activeIncidents: {
                /** @description Ids of the affected components. */
                components: string[];
                id: string;
                /**
                 * @description none: informational; minor: degraded; major: outage of the affected components; critical: major outage overall.
                 * @enum {string}
                 */
                impact: 'none' | 'minor' | 'major' | 'critical';
                /** Format: date-time */
                resolvedAt?: string;
                /** Format: date-time */
                startedAt: string;
                /** @enum {string} */
                status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
                title: string;
                /** Format: date-time */
                updatedAt: string;
                /** @description The public timeline, newest first. */
                updates: {
                  /** Format: date-time */
                  at: string;
                  id: string;
                  message: string;
                  /** @enum {string} */
                  status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
                }[];
              }[];
              components: {
                description?: string;
                id: string;
                /** Format: date-time */
                lastCheckedAt?: string;
                /** @description Response time of the last check. */
                latencyMs?: number;
                name: string;
                /**
                 * Format: date-time
                 * @description When the check state last changed.
                 */
                since?: string;
                /**
                 * @description The last damped check state (`unknown` without a check).
                 * @enum {string}
                 */
                state: 'up' | 'degraded' | 'down' | 'unknown';
                /** @enum {string} */
                status: 'operational' | 'degraded' | 'major_outage' | 'maintenance';
              }[];
              /** Format: date-time */
              generatedAt: string;
              /**
               * Format: date-time
               * @description When the poller last checked a component.
               */
              lastCheckedAt?: string;
              maintenance: {
                inProgress: {
                  /** Format: date-time */
                  completedAt?: string;
                  components: string[];
                  description?: string;
                  /** Format: date-time */
                  endsAt: string;
                  id: string;
                  /**
                   * @description scheduled → in_progress → completed (by time), or canceled. Public documents report it by the clock, even before the transition job ran.
                   * @enum {string}
                   */
                  phase: 'scheduled' | 'in_progress' | 'completed' | 'canceled';
                  /** Format: date-time */
                  startedAt?: string;
                  /** Format: date-time */
                  startsAt: string;
                  title: string;
                  /** Format: date-time */
                  updatedAt: string;
                }[];
                /** @description Starting within the next 30 days, soonest first. */
                upcoming: {
                  /** Format: date-time */
                  completedAt?: string;
                  components: string[];
                  description?: string;
                  /** Format: date-time */
                  endsAt: string;
                  id: string;
                  /**
                   * @description scheduled → in_progress → completed (by time), or canceled. Public documents report it by the clock, even before the transition job ran.
                   * @enum {string}
                   */
                  phase: 'scheduled' | 'in_progress' | 'completed' | 'canceled';
                  /** Format: date-time */
                  startedAt?: string;
                  /** Format: date-time */
                  startsAt: string;
                  title: string;
                  /** Format: date-time */
                  updatedAt: string;
                }[];
              };
              productId: string;
              /** @enum {string} */
              status: 'operational' | 'degraded' | 'major_outage';
            };
          };
        };
        /** @description Not modified (the `If-None-Match` ETag matches). */
        304: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/public/status/feed.atom': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Atom 1.0 feed of incidents and maintenance
     * @description The product's incidents and maintenance windows of the last 90 days, newest first. Public and cacheable. The product is `?product=`, else the service’s default product.
     */
    get: {
      parameters: {
        query?: {
          /** @description The product (default: the service’s default product). */
          product?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The feed. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/atom+xml': string;
          };
        };
        /** @description Not modified (the `If-None-Match` ETag matches). */
        304: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/public/status/feed.rss': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * RSS 2.0 feed of incidents and maintenance
     * @description The product's incidents and maintenance windows of the last 90 days, newest first. Public and cacheable. The product is `?product=`, else the service’s default product.
     */
    get: {
      parameters: {
        query?: {
          /** @description The product (default: the service’s default product). */
          product?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The feed. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/rss+xml': string;
          };
        };
        /** @description Not modified (the `If-None-Match` ETag matches). */
        304: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/public/status/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Daily uptime and latency history of a product
     * @description Per component, one entry per UTC day (default 90 days), with incidents and maintenance of the period (at most 100 each). Public and cacheable. The product is `?product=`, else the service’s default product.
     */
    get: {
      parameters: {
        query?: {
          /** @description Days of history, ending today (1-90). */
          days?: number;
          /** @description The product (default: the service’s default product). */
          product?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Daily uptime and latency per component, and past incidents. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              components: {
                /** @description One entry per day, oldest first. */
                days: {
                  /**
                   * Format: date
                   * @description UTC day.
                   */
                  day: string;
                  degraded: number;
                  down: number;
                  /** @description Response time of the day’s checks (nearest rank; exact below 1 s, within 1% above). */
                  latencyMs: {
                    max: number;
                    mean: number;
                    min: number;
                    p50: number;
                    p95: number;
                    p99: number;
                  } | null;
                  /** @description Checks during a maintenance window (not counted in uptime). */
                  maintenance: number;
                  samples: number;
                  /**
                   * @description operational: no failed check; degraded: some degraded checks or < 5% down; major_outage: ≥ 5% down.
                   * @enum {string}
                   */
                  status: 'no_data' | 'operational' | 'degraded' | 'major_outage';
                  up: number;
                  /** @description Checks up or degraded over checks outside maintenance, in percent; null without data. */
                  uptimePercent: number | null;
                }[];
                id: string;
                name: string;
                /** @description Over the whole period. */
                uptimePercent: number | null;
              }[];
              /** @description Days covered, ending today (UTC). */
              days: number;
              /** Format: date */
              from: string;
              /** Format: date-time */
              generatedAt: string;
              /** @description Incidents started in the period, newest first (at most 100). */
              incidents: {
                /** @description Ids of the affected components. */
                components: string[];
                id: string;
                /**
                 * @description none: informational; minor: degraded; major: outage of the affected components; critical: major outage overall.
                 * @enum {string}
                 */
                impact: 'none' | 'minor' | 'major' | 'critical';
                /** Format: date-time */
                resolvedAt?: string;
                /** Format: date-time */
                startedAt: string;
                /** @enum {string} */
                status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
                title: string;
                /** Format: date-time */
                updatedAt: string;
                /** @description The public timeline, newest first. */
                updates: {
                  /** Format: date-time */
                  at: string;
                  id: string;
                  message: string;
                  /** @enum {string} */
                  status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
                }[];
              }[];
              /** @description Completed windows in the period, newest first (at most 100). */
              maintenance: {
                /** Format: date-time */
                completedAt?: string;
                components: string[];
                description?: string;
                /** Format: date-time */
                endsAt: string;
                id: string;
                /**
                 * @description scheduled → in_progress → completed (by time), or canceled. Public documents report it by the clock, even before the transition job ran.
                 * @enum {string}
                 */
                phase: 'scheduled' | 'in_progress' | 'completed' | 'canceled';
                /** Format: date-time */
                startedAt?: string;
                /** Format: date-time */
                startsAt: string;
                title: string;
                /** Format: date-time */
                updatedAt: string;
              }[];
              productId: string;
              /** Format: date */
              to: string;
            };
          };
        };
        /** @description Not modified (the `If-None-Match` ETag matches). */
        304: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ratelimit/blocked': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Currently blocked keys
     * @description Keys whose latest 429 (this instance) still has Retry-After left, and the active IP deny rules. Requires role `admin`; the caller’s product only.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Active deny rules of the product. */
              deniedIpRules: {
                /** @enum {string} */
                action: 'allow' | 'deny';
                /** @description ISO-8601. */
                createdAt: string;
                createdBy: string;
                /** @description ISO-8601; the rule stops applying then. */
                expiresAt?: string;
                id: string;
                /** @description Canonical CIDR (`203.0.113.0/24`, `2001:db8::1/128`). */
                ip: string;
                productId: string;
                reason: string;
              }[];
              /** @description Keys whose latest 429 still has Retry-After left. */
              items: {
                /** @description When its latest refusal’s Retry-After ends. */
                blockedUntil: string;
                /** @description `user:<id>`, `token:<id>` or `ip:<address>`. */
                key: string;
                lastLimitedAt: string;
                /** @description 429s answered to this key (last day, this instance). */
                limited: number;
                rule: string;
              }[];
              /** @enum {string} */
              scope: 'instance';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ratelimit/ip-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List IP rules
     * @description Newest first, expired ones included until their record expires. Requires role `admin`; the caller’s product only.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @enum {string} */
                action: 'allow' | 'deny';
                /** @description ISO-8601. */
                createdAt: string;
                createdBy: string;
                /** @description ISO-8601; the rule stops applying then. */
                expiresAt?: string;
                id: string;
                /** @description Canonical CIDR (`203.0.113.0/24`, `2001:db8::1/128`). */
                ip: string;
                productId: string;
                reason: string;
              }[];
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Add an IP rule
     * @description Allow (skips every limit) or deny (403 `ip_denied` before any work) an address or CIDR range, IPv4 or IPv6, optionally until `expiresAt`. Requires role `admin`; the caller’s product only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            action: 'allow' | 'deny';
            /**
             * Format: date-time
             * @description ISO-8601, in the future.
             */
            expiresAt?: string;
            /** @description An IPv4 or IPv6 address or CIDR range (`203.0.113.0/24`, `2001:db8::/32`). */
            ip: string;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              action: 'allow' | 'deny';
              /** @description ISO-8601. */
              createdAt: string;
              createdBy: string;
              /** @description ISO-8601; the rule stops applying then. */
              expiresAt?: string;
              id: string;
              /** @description Canonical CIDR (`203.0.113.0/24`, `2001:db8::1/128`). */
              ip: string;
              productId: string;
              reason: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ratelimit/ip-rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove an IP rule
     * @description Requires role `admin`; the caller’s product only.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Removed. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ratelimit/overrides': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List per-user overrides
     * @description Requires role `admin`; the caller’s product only.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                createdBy: string;
                /** @description True: this user skips every limit. */
                exempt: boolean;
                expiresAt?: string;
                /** @description Each rule’s limit is multiplied by this for the user (ignored when exempt). */
                multiplier: number;
                productId: string;
                reason: string;
                updatedAt: string;
                userId: string;
              }[];
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ratelimit/overrides/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a user’s override
     * @description `exempt: true` skips every limit for the user; otherwise each rule’s limit is multiplied by `multiplier`. Requires role `admin`; the caller’s product only.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default false */
            exempt?: boolean;
            /** Format: date-time */
            expiresAt?: string;
            /** @default 1 */
            multiplier?: number;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdBy: string;
              /** @description True: this user skips every limit. */
              exempt: boolean;
              expiresAt?: string;
              /** @description Each rule’s limit is multiplied by this for the user (ignored when exempt). */
              multiplier: number;
              productId: string;
              reason: string;
              updatedAt: string;
              userId: string;
            };
          };
        };
      };
    };
    post?: never;
    /**
     * Remove a user’s override
     * @description Requires role `admin`; the caller’s product only.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Removed. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/ratelimit/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Rate-limit statistics
     * @description 429 and IP-deny counts for the last hour and day, and the most limited keys, as seen by this instance. Requires role `admin`; the caller’s product only.
     */
    get: {
      parameters: {
        query?: {
          top?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deniedByIpLastDay: number;
              deniedByIpLastHour: number;
              limitedLastDay: number;
              limitedLastHour: number;
              /**
               * @description Counts are kept in this instance’s memory (seed §2.11): each instance reports its own.
               * @enum {string}
               */
              scope: 'instance';
              topLimitedKeys: {
                /** @description When its latest refusal’s Retry-After ends. */
                blockedUntil: string;
                /** @description `user:<id>`, `token:<id>` or `ip:<address>`. */
                key: string;
                lastLimitedAt: string;
                /** @description 429s answered to this key (last day, this instance). */
                limited: number;
                rule: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List my sessions
     * @description Active sessions (devices), newest first; `current` marks the one of this request. The caller’s own sessions in the caller’s product.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Active sessions, newest first. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /**
                 * Format: date-time
                 * @description When the user signed in.
                 */
                createdAt: string;
                /** @description This is the session of the request’s own token. */
                current: boolean;
                /** @description The id the client keeps per device, if it sent one. */
                deviceId: string | null;
                deviceName: string | null;
                /**
                 * Format: date-time
                 * @description When the session ends unless it is used again.
                 */
                expiresAt: string;
                id: string;
                /** @description The admin who signed in as the user, if so. */
                impersonatedBy: string | null;
                /** @description Address of the latest recorded activity. */
                ip: string | null;
                /**
                 * Format: date-time
                 * @description Latest recorded activity (recorded at most every few minutes).
                 */
                lastActiveAt: string;
                platform: ('web' | 'ios' | 'android' | 'desktop' | 'api') | null;
                productId: string;
                userAgent: string | null;
                userId: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Sign out everywhere
     * @description Ends every active session (`scope=all`), or every one but this request’s (`scope=others`). The caller’s own sessions in the caller’s product.
     */
    delete: {
      parameters: {
        query: {
          /** @description `all`: sign out everywhere, this session too; `others`: every session but this one. */
          scope: 'all' | 'others';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description How many sessions were ended. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Sessions this request ended. */
              revoked: number;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * End one of my sessions
     * @description Signs that device out (ending an ended session again is fine); 404 for a session that is not the caller’s. The caller’s own sessions in the caller’s product.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Session id (`ses_…`). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Ended. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions/user/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a user’s sessions
     * @description The user’s active sessions, newest first (none for a user of another product). Requires role `admin` or `super_admin`; acts in the caller’s product only.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The user whose sessions to list or end. */
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Active sessions, newest first. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /**
                 * Format: date-time
                 * @description When the user signed in.
                 */
                createdAt: string;
                /** @description This is the session of the request’s own token. */
                current: boolean;
                /** @description The id the client keeps per device, if it sent one. */
                deviceId: string | null;
                deviceName: string | null;
                /**
                 * Format: date-time
                 * @description When the session ends unless it is used again.
                 */
                expiresAt: string;
                id: string;
                /** @description The admin who signed in as the user, if so. */
                impersonatedBy: string | null;
                /** @description Address of the latest recorded activity. */
                ip: string | null;
                /**
                 * Format: date-time
                 * @description Latest recorded activity (recorded at most every few minutes).
                 */
                lastActiveAt: string;
                platform: ('web' | 'ios' | 'android' | 'desktop' | 'api') | null;
                productId: string;
                userAgent: string | null;
                userId: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Sign a user out everywhere
     * @description Ends every active session of the user (force logout); revokes nothing of another product. Requires role `admin` or `super_admin`; acts in the caller’s product only.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The user whose sessions to list or end. */
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description How many sessions were ended. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Sessions this request ended. */
              revoked: number;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/settings/devices/{deviceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the settings of one of your devices
     * @description Every stored key, with registered keys’ defaults filled in.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          deviceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              updatedAt?: string;
              /** @description Key → value; registered keys have their defaults filled in. */
              values: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/settings/devices/{deviceId}/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one of the settings of one of your devices */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          deviceId: string;
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: string;
              value: unknown;
            };
          };
        };
      };
    };
    /**
     * Set one of the settings of one of your devices
     * @description Replaces the value, validated by the key’s schema (unregistered keys: plain JSON up to 4 KiB, unless the service rejects unknown keys).
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          deviceId: string;
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            value: unknown;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: string;
              value: unknown;
            };
          };
        };
      };
    };
    post?: never;
    /** Remove one of the settings of one of your devices */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          deviceId: string;
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Removed. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Merge-patch one of the settings of one of your devices
     * @description RFC 7396 JSON merge patch into the current value (objects merge, `null` removes a member); the result is validated.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          deviceId: string;
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            value: unknown;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: string;
              value: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/settings/kill-switch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Kill switch of a product
     * @description Public. Clients poll it and disable themselves while `enabled` (also on in `emergency` mode). Cacheable: `Cache-Control: public, max-age=30`.
     */
    get: {
      parameters: {
        query?: {
          /** @description The product (default: the service’s own). */
          productId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description True: clients must disable themselves. */
              enabled: boolean;
              message: string;
              productId: string;
              /** @description `kill_switch` (toggled by an admin) or `emergency` (maintenance mode `emergency`). */
              reason: ('kill_switch' | 'emergency') | null;
              updatedAt?: string;
            };
          };
        };
      };
    };
    /**
     * Toggle the kill switch
     * @description Requires role `admin`; the caller’s product only; audited.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            enabled: boolean;
            message?: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description True: clients must disable themselves. */
              enabled: boolean;
              message: string;
              productId: string;
              /** @description `kill_switch` (toggled by an admin) or `emergency` (maintenance mode `emergency`). */
              reason: ('kill_switch' | 'emergency') | null;
              updatedAt?: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/settings/maintenance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Maintenance mode of a product
     * @description Public: the effective mode, the user message, the planned window. Reachable in every mode. `Cache-Control: public, max-age=30`.
     */
    get: {
      parameters: {
        query?: {
          /** @description The product (default: the service’s own). */
          productId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              affectedServices: string[];
              message: string;
              /**
               * @description The effective mode (the `MAINTENANCE_MODE` override applied).
               * @enum {string}
               */
              mode: 'off' | 'read_only' | 'maintenance' | 'emergency';
              /** @description The next scheduled window, if any. */
              nextWindow?: {
                endAt: string;
                id: string;
                message: string;
                /**
                 * @description `off`; `read_only` (only GET/HEAD/OPTIONS pass, writes get 503 `read_only`); `maintenance` (everything 503 `maintenance` but health, status and bypass); `emergency` (maintenance + kill switch on).
                 * @enum {string}
                 */
                mode: 'off' | 'read_only' | 'maintenance' | 'emergency';
                startAt: string;
              };
              productId: string;
              scheduledEnd?: string;
              scheduledStart?: string;
              updatedAt?: string;
            };
          };
        };
      };
    };
    /**
     * Change maintenance mode
     * @description Mode, messages, bypass roles and IPs/CIDRs, affected services, planned times; omitted fields keep their values, `null` clears an optional one. Applies at once on this instance and within `MAINTENANCE_CACHE_TTL_MS` on the others. Requires role `admin`; the caller’s product only; audited.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description `null` clears it. */
            adminMessage?: string | null;
            affectedServices?: string[];
            bypassIPs?: string[];
            bypassRoles?: string[];
            message?: string;
            /**
             * @description `off`; `read_only` (only GET/HEAD/OPTIONS pass, writes get 503 `read_only`); `maintenance` (everything 503 `maintenance` but health, status and bypass); `emergency` (maintenance + kill switch on).
             * @enum {string}
             */
            mode?: 'off' | 'read_only' | 'maintenance' | 'emergency';
            scheduledEnd?: string | null;
            scheduledStart?: string | null;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Shown to admins. */
              adminMessage?: string;
              /** @description Service names the mode applies to (`["*"]` = every service). */
              affectedServices: string[];
              /** @description Addresses or CIDR ranges that pass. */
              bypassIPs: string[];
              /** @description Principals holding one of these roles pass (e.g. `admin`). */
              bypassRoles: string[];
              /** @description Shown to users (and in every 503). */
              message: string;
              /**
               * @description `off`; `read_only` (only GET/HEAD/OPTIONS pass, writes get 503 `read_only`); `maintenance` (everything 503 `maintenance` but health, status and bypass); `emergency` (maintenance + kill switch on).
               * @enum {string}
               */
              mode: 'off' | 'read_only' | 'maintenance' | 'emergency';
              /** @description ISO-8601: planned end; drives `Retry-After`. */
              scheduledEnd?: string;
              /** @description ISO-8601: planned start (informative). */
              scheduledStart?: string;
              updatedAt: string;
              updatedBy: string;
              /** @description The scheduled window that set this mode, if one did. */
              windowId?: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/settings/maintenance/config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Full maintenance config
     * @description Bypass rules, admin message, and whether `MAINTENANCE_MODE` overrides the stored mode. Requires role `admin`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Shown to admins. */
              adminMessage?: string;
              /** @description Service names the mode applies to (`["*"]` = every service). */
              affectedServices: string[];
              /** @description Addresses or CIDR ranges that pass. */
              bypassIPs: string[];
              /** @description Principals holding one of these roles pass (e.g. `admin`). */
              bypassRoles: string[];
              /**
               * @description `off`; `read_only` (only GET/HEAD/OPTIONS pass, writes get 503 `read_only`); `maintenance` (everything 503 `maintenance` but health, status and bypass); `emergency` (maintenance + kill switch on).
               * @enum {string}
               */
              effectiveMode: 'off' | 'read_only' | 'maintenance' | 'emergency';
              /** @description `MAINTENANCE_BYPASS_IPS` (added to `bypassIPs`). */
              envBypassIPs: string[];
              /** @description Shown to users (and in every 503). */
              message: string;
              /**
               * @description `off`; `read_only` (only GET/HEAD/OPTIONS pass, writes get 503 `read_only`); `maintenance` (everything 503 `maintenance` but health, status and bypass); `emergency` (maintenance + kill switch on).
               * @enum {string}
               */
              mode: 'off' | 'read_only' | 'maintenance' | 'emergency';
              productId: string;
              /** @description ISO-8601: planned end; drives `Retry-After`. */
              scheduledEnd?: string;
              /** @description ISO-8601: planned start (informative). */
              scheduledStart?: string;
              /**
               * @description `env` when `MAINTENANCE_MODE` overrides the stored mode.
               * @enum {string}
               */
              source: 'stored' | 'env';
              updatedAt: string;
              updatedBy: string;
              /** @description The scheduled window that set this mode, if one did. */
              windowId?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/settings/maintenance/schedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Upcoming maintenance windows
     * @description Public: scheduled and active windows, by start. Reachable in every mode.
     */
    get: {
      parameters: {
        query?: {
          /** @description The product (default: the service’s own). */
          productId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                adminMessage?: string;
                createdAt: string;
                createdBy: string;
                endAt: string;
                id: string;
                message: string;
                /**
                 * @description `off`; `read_only` (only GET/HEAD/OPTIONS pass, writes get 503 `read_only`); `maintenance` (everything 503 `maintenance` but health, status and bypass); `emergency` (maintenance + kill switch on).
                 * @enum {string}
                 */
                mode: 'off' | 'read_only' | 'maintenance' | 'emergency';
                productId: string;
                startAt: string;
                /** @enum {string} */
                state: 'scheduled' | 'active' | 'done' | 'cancelled';
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Schedule a maintenance window
     * @description The mode switches on at `startAt` and back at `endAt` by itself (the `settings.maintenance-windows` job, at most one interval late). Windows may not overlap. Requires role `admin`; the caller’s product only; audited.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            adminMessage?: string;
            /** Format: date-time */
            endAt: string;
            message: string;
            /**
             * @default maintenance
             * @enum {string}
             */
            mode?: 'read_only' | 'maintenance' | 'emergency';
            /** Format: date-time */
            startAt: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              adminMessage?: string;
              createdAt: string;
              createdBy: string;
              endAt: string;
              id: string;
              message: string;
              /**
               * @description `off`; `read_only` (only GET/HEAD/OPTIONS pass, writes get 503 `read_only`); `maintenance` (everything 503 `maintenance` but health, status and bypass); `emergency` (maintenance + kill switch on).
               * @enum {string}
               */
              mode: 'off' | 'read_only' | 'maintenance' | 'emergency';
              productId: string;
              startAt: string;
              /** @enum {string} */
              state: 'scheduled' | 'active' | 'done' | 'cancelled';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/settings/maintenance/schedule/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Cancel a maintenance window
     * @description A scheduled window never starts; an active one ends now (the previous mode comes back). Requires role `admin`; the caller’s product only; audited.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              adminMessage?: string;
              createdAt: string;
              createdBy: string;
              endAt: string;
              id: string;
              message: string;
              /**
               * @description `off`; `read_only` (only GET/HEAD/OPTIONS pass, writes get 503 `read_only`); `maintenance` (everything 503 `maintenance` but health, status and bypass); `emergency` (maintenance + kill switch on).
               * @enum {string}
               */
              mode: 'off' | 'read_only' | 'maintenance' | 'emergency';
              productId: string;
              startAt: string;
              /** @enum {string} */
              state: 'scheduled' | 'active' | 'done' | 'cancelled';
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/settings/user': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get your user settings
     * @description Every stored key, with registered keys’ defaults filled in.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              updatedAt?: string;
              /** @description Key → value; registered keys have their defaults filled in. */
              values: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/settings/user/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one of your user settings */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: string;
              value: unknown;
            };
          };
        };
      };
    };
    /**
     * Set one of your user settings
     * @description Replaces the value, validated by the key’s schema (unregistered keys: plain JSON up to 4 KiB, unless the service rejects unknown keys).
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            value: unknown;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: string;
              value: unknown;
            };
          };
        };
      };
    };
    post?: never;
    /** Remove one of your user settings */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Removed. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Merge-patch one of your user settings
     * @description RFC 7396 JSON merge patch into the current value (objects merge, `null` removes a member); the result is validated.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            value: unknown;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: string;
              value: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/status/components': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List status components
     * @description With their checks. Requires role `admin`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description Absent for a component whose status only incidents set. */
                check?:
                  | {
                      /** @description An expected answer slower than this is `degraded`. */
                      degradedAboveMs?: number;
                      /**
                       * @description Statuses that count as up (default `[200]`).
                       * @default [
                       *       200
                       *     ]
                       */
                      expectedStatus: number[];
                      /** @enum {string} */
                      kind: 'http';
                      /**
                       * @description A slower answer is down.
                       * @default 5000
                       */
                      timeoutMs: number;
                      /**
                       * Format: uri
                       * @description The URL to GET. Admin-supplied URLs obey the outbound address policy (no private targets).
                       */
                      url: string;
                    }
                  | {
                      /** Format: uri */
                      baseUrl: string;
                      /** @enum {string} */
                      kind: 'service';
                      /** @default 5000 */
                      timeoutMs: number;
                    };
                /** Format: date-time */
                createdAt: string;
                description?: string;
                id: string;
                name: string;
                order: number;
                productId: string;
                /**
                 * @description operator: configured in the monitoring service (trusted target); admin: created through the API.
                 * @enum {string}
                 */
                source: 'operator' | 'admin';
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create a status component
     * @description An optional HTTP check is polled by the monitoring service through the outbound address policy (no private or loopback targets). Requires role `admin`; acts on the caller’s product and is audited.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description An HTTP check with expected status and timeout. */
            check?: {
              /** @description An expected answer slower than this is `degraded`. */
              degradedAboveMs?: number;
              /**
               * @description Statuses that count as up (default `[200]`).
               * @default [
               *       200
               *     ]
               */
              expectedStatus?: number[];
              /** @enum {string} */
              kind: 'http';
              /**
               * @description A slower answer is down.
               * @default 5000
               */
              timeoutMs?: number;
              /**
               * Format: uri
               * @description The URL to GET. Admin-supplied URLs obey the outbound address policy (no private targets).
               */
              url: string;
            };
            description?: string;
            id: string;
            name: string;
            /** @default 0 */
            order?: number;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A part of the product shown on the status page. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Absent for a component whose status only incidents set. */
              check?:
                | {
                    /** @description An expected answer slower than this is `degraded`. */
                    degradedAboveMs?: number;
                    /**
                     * @description Statuses that count as up (default `[200]`).
                     * @default [
                     *       200
                     *     ]
                     */
                    expectedStatus: number[];
                    /** @enum {string} */
                    kind: 'http';
                    /**
                     * @description A slower answer is down.
                     * @default 5000
                     */
                    timeoutMs: number;
                    /**
                     * Format: uri
                     * @description The URL to GET. Admin-supplied URLs obey the outbound address policy (no private targets).
                     */
                    url: string;
                  }
                | {
                    /** Format: uri */
                    baseUrl: string;
                    /** @enum {string} */
                    kind: 'service';
                    /** @default 5000 */
                    timeoutMs: number;
                  };
              /** Format: date-time */
              createdAt: string;
              description?: string;
              id: string;
              name: string;
              order: number;
              productId: string;
              /**
               * @description operator: configured in the monitoring service (trusted target); admin: created through the API.
               * @enum {string}
               */
              source: 'operator' | 'admin';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/status/components/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a status component
     * @description Its history stays until it expires. Requires role `admin`; acts on the caller’s product and is audited.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Deleted. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a status component
     * @description A check set here becomes admin-supplied (policy-checked) even on an operator component. Requires role `admin`; acts on the caller’s product and is audited.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description `null` removes the check. */
            check?: {
              /** @description An expected answer slower than this is `degraded`. */
              degradedAboveMs?: number;
              /**
               * @description Statuses that count as up (default `[200]`).
               * @default [
               *       200
               *     ]
               */
              expectedStatus?: number[];
              /** @enum {string} */
              kind: 'http';
              /**
               * @description A slower answer is down.
               * @default 5000
               */
              timeoutMs?: number;
              /**
               * Format: uri
               * @description The URL to GET. Admin-supplied URLs obey the outbound address policy (no private targets).
               */
              url: string;
            } | null;
            description?: string | null;
            name?: string;
            order?: number;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A part of the product shown on the status page. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Absent for a component whose status only incidents set. */
              check?:
                | {
                    /** @description An expected answer slower than this is `degraded`. */
                    degradedAboveMs?: number;
                    /**
                     * @description Statuses that count as up (default `[200]`).
                     * @default [
                     *       200
                     *     ]
                     */
                    expectedStatus: number[];
                    /** @enum {string} */
                    kind: 'http';
                    /**
                     * @description A slower answer is down.
                     * @default 5000
                     */
                    timeoutMs: number;
                    /**
                     * Format: uri
                     * @description The URL to GET. Admin-supplied URLs obey the outbound address policy (no private targets).
                     */
                    url: string;
                  }
                | {
                    /** Format: uri */
                    baseUrl: string;
                    /** @enum {string} */
                    kind: 'service';
                    /** @default 5000 */
                    timeoutMs: number;
                  };
              /** Format: date-time */
              createdAt: string;
              description?: string;
              id: string;
              name: string;
              order: number;
              productId: string;
              /**
               * @description operator: configured in the monitoring service (trusted target); admin: created through the API.
               * @enum {string}
               */
              source: 'operator' | 'admin';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/status/components/{id}/samples': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Recent raw check samples of a component
     * @description Oldest first, from `since` (default: the last hour), at most `limit`. Requires role `admin`.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          since?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                at: string;
                componentId: string;
                error?: string;
                httpStatus?: number;
                inMaintenance: boolean;
                latencyMs: number;
                /** @enum {string} */
                state: 'up' | 'degraded' | 'down';
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/status/incidents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List incidents
     * @description Newest first. Requires role `admin`.
     */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description Ids of the affected components. */
                components: string[];
                /** Format: date-time */
                createdAt: string;
                id: string;
                /**
                 * @description none: informational; minor: degraded; major: outage of the affected components; critical: major outage overall.
                 * @enum {string}
                 */
                impact: 'none' | 'minor' | 'major' | 'critical';
                productId: string;
                /** Format: date-time */
                resolvedAt?: string;
                /** Format: date-time */
                startedAt: string;
                /** @enum {string} */
                status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
                title: string;
                /** Format: date-time */
                updatedAt: string;
                /** @description The public timeline, newest first. */
                updates: {
                  /** Format: date-time */
                  at: string;
                  id: string;
                  message: string;
                  /** @enum {string} */
                  status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
                }[];
              }[];
              /** @description Pass as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Open an incident
     * @description With its first public update; emits `incident.created`. Requires role `admin`; acts on the caller’s product and is audited.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default [] */
            components?: string[];
            /**
             * @description none: informational; minor: degraded; major: outage of the affected components; critical: major outage overall.
             * @default minor
             * @enum {string}
             */
            impact?: 'none' | 'minor' | 'major' | 'critical';
            /** @description The first public update. */
            message: string;
            /**
             * Format: date-time
             * @description Default: now.
             */
            startedAt?: string;
            /**
             * @default investigating
             * @enum {string}
             */
            status?: 'investigating' | 'identified' | 'monitoring';
            title: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description An incident with its public timeline. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Ids of the affected components. */
              components: string[];
              /** Format: date-time */
              createdAt: string;
              id: string;
              /**
               * @description none: informational; minor: degraded; major: outage of the affected components; critical: major outage overall.
               * @enum {string}
               */
              impact: 'none' | 'minor' | 'major' | 'critical';
              productId: string;
              /** Format: date-time */
              resolvedAt?: string;
              /** Format: date-time */
              startedAt: string;
              /** @enum {string} */
              status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
              title: string;
              /** Format: date-time */
              updatedAt: string;
              /** @description The public timeline, newest first. */
              updates: {
                /** Format: date-time */
                at: string;
                id: string;
                message: string;
                /** @enum {string} */
                status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/status/incidents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read an incident
     * @description Requires role `admin`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description An incident with its public timeline. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Ids of the affected components. */
              components: string[];
              /** Format: date-time */
              createdAt: string;
              id: string;
              /**
               * @description none: informational; minor: degraded; major: outage of the affected components; critical: major outage overall.
               * @enum {string}
               */
              impact: 'none' | 'minor' | 'major' | 'critical';
              productId: string;
              /** Format: date-time */
              resolvedAt?: string;
              /** Format: date-time */
              startedAt: string;
              /** @enum {string} */
              status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
              title: string;
              /** Format: date-time */
              updatedAt: string;
              /** @description The public timeline, newest first. */
              updates: {
                /** Format: date-time */
                at: string;
                id: string;
                message: string;
                /** @enum {string} */
                status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete an incident
     * @description For an incident opened by mistake; resolve real ones instead. Requires role `admin`; acts on the caller’s product and is audited.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Deleted. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Update an incident
     * @description Adds a public update and/or changes status, impact, title or components; emits `incident.updated`, or `incident.resolved` when it resolves. A resolved incident cannot be reopened (409 `incident_resolved`). Requires role `admin`; acts on the caller’s product and is audited.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            components?: string[];
            /**
             * @description none: informational; minor: degraded; major: outage of the affected components; critical: major outage overall.
             * @enum {string}
             */
            impact?: 'none' | 'minor' | 'major' | 'critical';
            /** @description A new public update (required when the status changes). */
            message?: string;
            /** @enum {string} */
            status?: 'investigating' | 'identified' | 'monitoring' | 'resolved';
            title?: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description An incident with its public timeline. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Ids of the affected components. */
              components: string[];
              /** Format: date-time */
              createdAt: string;
              id: string;
              /**
               * @description none: informational; minor: degraded; major: outage of the affected components; critical: major outage overall.
               * @enum {string}
               */
              impact: 'none' | 'minor' | 'major' | 'critical';
              productId: string;
              /** Format: date-time */
              resolvedAt?: string;
              /** Format: date-time */
              startedAt: string;
              /** @enum {string} */
              status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
              title: string;
              /** Format: date-time */
              updatedAt: string;
              /** @description The public timeline, newest first. */
              updates: {
                /** Format: date-time */
                at: string;
                id: string;
                message: string;
                /** @enum {string} */
                status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
              }[];
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/status/maintenance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List maintenance windows
     * @description Latest start first. Requires role `admin`.
     */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                completedAt?: string;
                components: string[];
                /** Format: date-time */
                createdAt: string;
                description?: string;
                /** Format: date-time */
                endsAt: string;
                id: string;
                /** @description Turn the product’s maintenance mode on while in progress. */
                maintenanceMode: boolean;
                /**
                 * @description scheduled → in_progress → completed (by time), or canceled. Public documents report it by the clock, even before the transition job ran.
                 * @enum {string}
                 */
                phase: 'scheduled' | 'in_progress' | 'completed' | 'canceled';
                productId: string;
                /** Format: date-time */
                startedAt?: string;
                /** Format: date-time */
                startsAt: string;
                title: string;
                /** Format: date-time */
                updatedAt: string;
              }[];
              /** @description Pass as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Schedule a maintenance window
     * @description Emits `maintenance.scheduled`; `maintenanceMode: true` turns the product's maintenance mode on while it is in progress. Requires role `admin`; acts on the caller’s product and is audited.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default [] */
            components?: string[];
            description?: string;
            /** Format: date-time */
            endsAt: string;
            /** @default false */
            maintenanceMode?: boolean;
            /** Format: date-time */
            startsAt: string;
            title: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A scheduled maintenance window. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              completedAt?: string;
              components: string[];
              /** Format: date-time */
              createdAt: string;
              description?: string;
              /** Format: date-time */
              endsAt: string;
              id: string;
              /** @description Turn the product’s maintenance mode on while in progress. */
              maintenanceMode: boolean;
              /**
               * @description scheduled → in_progress → completed (by time), or canceled. Public documents report it by the clock, even before the transition job ran.
               * @enum {string}
               */
              phase: 'scheduled' | 'in_progress' | 'completed' | 'canceled';
              productId: string;
              /** Format: date-time */
              startedAt?: string;
              /** Format: date-time */
              startsAt: string;
              title: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/status/maintenance/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a maintenance window
     * @description Requires role `admin`.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A scheduled maintenance window. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              completedAt?: string;
              components: string[];
              /** Format: date-time */
              createdAt: string;
              description?: string;
              /** Format: date-time */
              endsAt: string;
              id: string;
              /** @description Turn the product’s maintenance mode on while in progress. */
              maintenanceMode: boolean;
              /**
               * @description scheduled → in_progress → completed (by time), or canceled. Public documents report it by the clock, even before the transition job ran.
               * @enum {string}
               */
              phase: 'scheduled' | 'in_progress' | 'completed' | 'canceled';
              productId: string;
              /** Format: date-time */
              startedAt?: string;
              /** Format: date-time */
              startsAt: string;
              title: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a maintenance window
     * @description Not once completed or canceled (409 `maintenance_closed`); in progress, only its end and details. Requires role `admin`; acts on the caller’s product and is audited.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            components?: string[];
            description?: string | null;
            /** Format: date-time */
            endsAt?: string;
            maintenanceMode?: boolean;
            /** Format: date-time */
            startsAt?: string;
            title?: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A scheduled maintenance window. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              completedAt?: string;
              components: string[];
              /** Format: date-time */
              createdAt: string;
              description?: string;
              /** Format: date-time */
              endsAt: string;
              id: string;
              /** @description Turn the product’s maintenance mode on while in progress. */
              maintenanceMode: boolean;
              /**
               * @description scheduled → in_progress → completed (by time), or canceled. Public documents report it by the clock, even before the transition job ran.
               * @enum {string}
               */
              phase: 'scheduled' | 'in_progress' | 'completed' | 'canceled';
              productId: string;
              /** Format: date-time */
              startedAt?: string;
              /** Format: date-time */
              startsAt: string;
              title: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/status/maintenance/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a maintenance window
     * @description A window in progress ends now (maintenance mode off, `maintenance.completed`). Requires role `admin`; acts on the caller’s product and is audited.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A scheduled maintenance window. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              completedAt?: string;
              components: string[];
              /** Format: date-time */
              createdAt: string;
              description?: string;
              /** Format: date-time */
              endsAt: string;
              id: string;
              /** @description Turn the product’s maintenance mode on while in progress. */
              maintenanceMode: boolean;
              /**
               * @description scheduled → in_progress → completed (by time), or canceled. Public documents report it by the clock, even before the transition job ran.
               * @enum {string}
               */
              phase: 'scheduled' | 'in_progress' | 'completed' | 'canceled';
              productId: string;
              /** Format: date-time */
              startedAt?: string;
              /** Format: date-time */
              startsAt: string;
              title: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List tasks (queue view)
     * @description Newest first, optionally one state and one type. Requires role `admin`; acts in the caller’s product.
     */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
          /** @description Page size (1-100). */
          limit?: number;
          /** @description Only tasks in this state. */
          state?: 'queued' | 'running' | 'completed' | 'dead' | 'cancelled';
          /** @description Only tasks of this type. */
          type?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A page of tasks, newest first. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                attempts: number;
                cancelRequested: boolean;
                concurrencyKey: string | null;
                /** Format: date-time */
                createdAt: string;
                /** @description Failed attempts, oldest first (the latest 50). */
                errors: {
                  /** Format: date-time */
                  at: string;
                  attempt: number;
                  message: string;
                  name: string;
                }[];
                finishedAt: string | null;
                id: string;
                idempotencyKey: string | null;
                /** @description The running attempt’s worker and lease expiry. */
                lease: {
                  /** Format: date-time */
                  expiresAt: string;
                  workerId: string;
                } | null;
                maxAttempts: number;
                /** @description Any JSON value. */
                payload: unknown;
                priority: number;
                productId: string;
                progress: unknown | null;
                result: unknown | null;
                /**
                 * Format: date-time
                 * @description Earliest time of the next attempt.
                 */
                runAt: string;
                startedAt: string | null;
                /** @enum {string} */
                state: 'queued' | 'running' | 'completed' | 'dead' | 'cancelled';
                timeoutMs: number | null;
                type: string;
                updatedAt: string;
              }[];
              /** @description Pass as `cursor` for the next page; absent on the last page. */
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tasks/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a task
     * @description Queued or dead → cancelled; running → `cancelRequested` and the worker aborts it; 409 `task_not_cancellable` once completed. Requires role `admin`; acts in the caller’s product.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Task id (`task_…`, or `job:<name>:<slot>` for a scheduled run). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A background task. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: number;
              cancelRequested: boolean;
              concurrencyKey: string | null;
              /** Format: date-time */
              createdAt: string;
              /** @description Failed attempts, oldest first (the latest 50). */
              errors: {
                /** Format: date-time */
                at: string;
                attempt: number;
                message: string;
                name: string;
              }[];
              finishedAt: string | null;
              id: string;
              idempotencyKey: string | null;
              /** @description The running attempt’s worker and lease expiry. */
              lease: {
                /** Format: date-time */
                expiresAt: string;
                workerId: string;
              } | null;
              maxAttempts: number;
              /** @description Any JSON value. */
              payload: unknown;
              priority: number;
              productId: string;
              progress: unknown | null;
              result: unknown | null;
              /**
               * Format: date-time
               * @description Earliest time of the next attempt.
               */
              runAt: string;
              startedAt: string | null;
              /** @enum {string} */
              state: 'queued' | 'running' | 'completed' | 'dead' | 'cancelled';
              timeoutMs: number | null;
              type: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tasks/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry a dead task
     * @description Dead → queued with its attempts reset (the error history is kept); 409 `task_not_dead` otherwise. Requires role `admin`; acts in the caller’s product.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description Task id (`task_…`, or `job:<name>:<slot>` for a scheduled run). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A background task. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: number;
              cancelRequested: boolean;
              concurrencyKey: string | null;
              /** Format: date-time */
              createdAt: string;
              /** @description Failed attempts, oldest first (the latest 50). */
              errors: {
                /** Format: date-time */
                at: string;
                attempt: number;
                message: string;
                name: string;
              }[];
              finishedAt: string | null;
              id: string;
              idempotencyKey: string | null;
              /** @description The running attempt’s worker and lease expiry. */
              lease: {
                /** Format: date-time */
                expiresAt: string;
                workerId: string;
              } | null;
              maxAttempts: number;
              /** @description Any JSON value. */
              payload: unknown;
              priority: number;
              productId: string;
              progress: unknown | null;
              result: unknown | null;
              /**
               * Format: date-time
               * @description Earliest time of the next attempt.
               */
              runAt: string;
              startedAt: string | null;
              /** @enum {string} */
              state: 'queued' | 'running' | 'completed' | 'dead' | 'cancelled';
              timeoutMs: number | null;
              type: string;
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tasks/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Count tasks by state and type
     * @description Requires role `admin`; acts in the caller’s product.
     */
    get: {
      parameters: {
        query?: {
          /** @description Count only this type (default: every type this instance knows). */
          type?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Task counts by state and type. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description By task type: the `type` asked for, or each type this instance has a handler or job for. */
              byType: {
                counts: {
                  cancelled: number;
                  completed: number;
                  dead: number;
                  queued: number;
                  running: number;
                };
                type: string;
              }[];
              /** @description Every task of the product, by state. */
              total: {
                cancelled: number;
                completed: number;
                dead: number;
                queued: number;
                running: number;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List API tokens
     * @description Newest first, revoked and expired ones included; never the secrets. Requires role `admin` or `super_admin`; acts in the caller’s product.
     */
    get: {
      parameters: {
        query?: {
          /** @description `nextCursor` of the previous page. */
          cursor?: string;
          /** @description Page size (1-200). */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /**
                 * Format: date-time
                 * @description ISO 8601.
                 */
                createdAt: string;
                /** @description The user who created it. */
                createdBy: string;
                /** @description Null: never expires. */
                expiresAt: string | null;
                /** @description `tok_…` */
                id: string;
                /** @description Recorded at most once a minute. */
                lastUsedAt: string | null;
                name: string;
                /** @description The first 12 characters of the token, to tell tokens apart. */
                prefix: string;
                productId: string;
                revokedAt: string | null;
                scopes: string[];
                /** @enum {string} */
                status: 'active' | 'expired' | 'revoked';
              }[];
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create an API token
     * @description The response holds the token itself (`token`), shown this once: only its hash is kept. Requires role `admin` or `super_admin`; acts in the caller’s product.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Days until the token stops working; omit for a token that does not expire. */
            expiresInDays?: number;
            /** @description What the token is for, e.g. "CI deploys". */
            name: string;
            /** @description What the token may do, e.g. `["notes:read"]`. */
            scopes: string[];
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: date-time
               * @description ISO 8601.
               */
              createdAt: string;
              /** @description The user who created it. */
              createdBy: string;
              /** @description Null: never expires. */
              expiresAt: string | null;
              /** @description `tok_…` */
              id: string;
              /** @description Recorded at most once a minute. */
              lastUsedAt: string | null;
              name: string;
              /** @description The first 12 characters of the token, to tell tokens apart. */
              prefix: string;
              productId: string;
              revokedAt: string | null;
              scopes: string[];
              /** @enum {string} */
              status: 'active' | 'expired' | 'revoked';
              /** @description The secret: shown in this response only. Store it now; it cannot be read again. */
              token: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API token
     * @description It stops working at once; revoking it again changes nothing. Requires role `admin` or `super_admin`; acts in the caller’s product.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description `tok_…` */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tokens/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check an API token
     * @description For services that check tokens out of band: whether the token is valid in your product, and its scopes. Counts as a use of the token. Requires role `admin` or `super_admin`; acts in the caller’s product.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The API token to check (`gw_…`). */
            token: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The token, when valid: its scopes say what it may do. */
              token?: {
                /**
                 * Format: date-time
                 * @description ISO 8601.
                 */
                createdAt: string;
                /** @description The user who created it. */
                createdBy: string;
                /** @description Null: never expires. */
                expiresAt: string | null;
                /** @description `tok_…` */
                id: string;
                /** @description Recorded at most once a minute. */
                lastUsedAt: string | null;
                name: string;
                /** @description The first 12 characters of the token, to tell tokens apart. */
                prefix: string;
                productId: string;
                revokedAt: string | null;
                scopes: string[];
                /** @enum {string} */
                status: 'active' | 'expired' | 'revoked';
              };
              /** @description False for a malformed, unknown, revoked or expired token, or another product’s. */
              valid: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/event-types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the event types a subscription can receive
     * @description The event catalog: names, versions and the JSON Schema of each payload (`data` in a delivery). Requires role `admin`; the caller’s product only.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                description: string;
                /** @description JSON Schema of the payload (`data`). */
                schema: {
                  [key: string]: unknown;
                };
                type: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List webhook subscriptions
     * @description Newest first. Requires role `admin`; the caller’s product only.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                consecutiveFailures: number;
                createdAt: string;
                description: string;
                disabledReason: ('admin' | 'gone' | 'consecutive_failures') | null;
                enabled: boolean;
                eventTypes: string[];
                headers: {
                  [key: string]: string;
                };
                /** @description green: ≥ 95 % success and not failing; yellow: ≥ 75 % or failing; red: below, or disabled. */
                health?: {
                  /** @enum {string} */
                  indicator: 'green' | 'yellow' | 'red' | 'unknown';
                  /** @description How many recent finished deliveries the rate is computed over. */
                  sample: number;
                  /** @description Share of the recent finished deliveries that succeeded. */
                  successRate: number | null;
                };
                id: string;
                lastDeliveryAt: string | null;
                lastFailureAt: string | null;
                lastSuccessAt: string | null;
                maxConcurrency: number;
                rateLimit: {
                  /** @description Deliveries allowed per window. */
                  max: number;
                  /** @description Window length in seconds. */
                  perSeconds: number;
                } | null;
                /** @description While the previous secret still signs (24 h after a rotation). */
                secretRotationEndsAt: string | null;
                /** @enum {string} */
                status: 'active' | 'failing' | 'disabled';
                updatedAt: string;
                url: string;
              }[];
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create a webhook subscription
     * @description The URL is resolved and every address checked (no private, loopback or link-local targets unless allowed by the operator). The signing secret is in this response only. Requires role `admin`; the caller’s product only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default  */
            description?: string;
            /** @default true */
            enabled?: boolean;
            /** @description Event types to deliver, from the catalog, or `["*"]` for all (the `webhook.*` notices excepted). */
            eventTypes: string[];
            /**
             * @description Extra request headers sent with every delivery (not the signature or framing headers).
             * @default {}
             */
            headers?: {
              [key: string]: string;
            };
            /**
             * @description Deliveries to this endpoint in flight at once, across all workers.
             * @default 10
             */
            maxConcurrency?: number;
            /** @default null */
            rateLimit?: {
              /** @description Deliveries allowed per window. */
              max: number;
              /** @description Window length in seconds. */
              perSeconds: number;
            } | null;
            /** @description Where deliveries are POSTed (https unless the operator allows http). */
            url: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consecutiveFailures: number;
              createdAt: string;
              description: string;
              disabledReason: ('admin' | 'gone' | 'consecutive_failures') | null;
              enabled: boolean;
              eventTypes: string[];
              headers: {
                [key: string]: string;
              };
              /** @description green: ≥ 95 % success and not failing; yellow: ≥ 75 % or failing; red: below, or disabled. */
              health?: {
                /** @enum {string} */
                indicator: 'green' | 'yellow' | 'red' | 'unknown';
                /** @description How many recent finished deliveries the rate is computed over. */
                sample: number;
                /** @description Share of the recent finished deliveries that succeeded. */
                successRate: number | null;
              };
              id: string;
              lastDeliveryAt: string | null;
              lastFailureAt: string | null;
              lastSuccessAt: string | null;
              maxConcurrency: number;
              rateLimit: {
                /** @description Deliveries allowed per window. */
                max: number;
                /** @description Window length in seconds. */
                perSeconds: number;
              } | null;
              /** @description The signing secret (`whsec_…`). Shown only in this response: store it now. */
              secret: string;
              /** @description While the previous secret still signs (24 h after a rotation). */
              secretRotationEndsAt: string | null;
              /** @enum {string} */
              status: 'active' | 'failing' | 'disabled';
              updatedAt: string;
              url: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/subscriptions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a webhook subscription with its health
     * @description Never includes the secret. Requires role `admin`; the caller’s product only.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consecutiveFailures: number;
              createdAt: string;
              description: string;
              disabledReason: ('admin' | 'gone' | 'consecutive_failures') | null;
              enabled: boolean;
              eventTypes: string[];
              headers: {
                [key: string]: string;
              };
              /** @description green: ≥ 95 % success and not failing; yellow: ≥ 75 % or failing; red: below, or disabled. */
              health?: {
                /** @enum {string} */
                indicator: 'green' | 'yellow' | 'red' | 'unknown';
                /** @description How many recent finished deliveries the rate is computed over. */
                sample: number;
                /** @description Share of the recent finished deliveries that succeeded. */
                successRate: number | null;
              };
              id: string;
              lastDeliveryAt: string | null;
              lastFailureAt: string | null;
              lastSuccessAt: string | null;
              maxConcurrency: number;
              rateLimit: {
                /** @description Deliveries allowed per window. */
                max: number;
                /** @description Window length in seconds. */
                perSeconds: number;
              } | null;
              /** @description While the previous secret still signs (24 h after a rotation). */
              secretRotationEndsAt: string | null;
              /** @enum {string} */
              status: 'active' | 'failing' | 'disabled';
              updatedAt: string;
              url: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a webhook subscription
     * @description Pending deliveries are not sent. The delivery log expires on its own (30 days). Requires role `admin`; the caller’s product only.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Deleted. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change a webhook subscription
     * @description A new URL is checked like at creation; `enabled: true` re-enables a disabled subscription and clears its failures. Requires role `admin`; the caller’s product only.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
            /** @description `true` re-enables a disabled subscription and clears its failures. */
            enabled?: boolean;
            /** @description Event types to deliver, from the catalog, or `["*"]` for all (the `webhook.*` notices excepted). */
            eventTypes?: string[];
            /** @description Extra request headers sent with every delivery (not the signature or framing headers). */
            headers?: {
              [key: string]: string;
            };
            maxConcurrency?: number;
            rateLimit?: {
              /** @description Deliveries allowed per window. */
              max: number;
              /** @description Window length in seconds. */
              perSeconds: number;
            } | null;
            /** @description Where deliveries are POSTed (https unless the operator allows http). */
            url?: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consecutiveFailures: number;
              createdAt: string;
              description: string;
              disabledReason: ('admin' | 'gone' | 'consecutive_failures') | null;
              enabled: boolean;
              eventTypes: string[];
              headers: {
                [key: string]: string;
              };
              /** @description green: ≥ 95 % success and not failing; yellow: ≥ 75 % or failing; red: below, or disabled. */
              health?: {
                /** @enum {string} */
                indicator: 'green' | 'yellow' | 'red' | 'unknown';
                /** @description How many recent finished deliveries the rate is computed over. */
                sample: number;
                /** @description Share of the recent finished deliveries that succeeded. */
                successRate: number | null;
              };
              id: string;
              lastDeliveryAt: string | null;
              lastFailureAt: string | null;
              lastSuccessAt: string | null;
              maxConcurrency: number;
              rateLimit: {
                /** @description Deliveries allowed per window. */
                max: number;
                /** @description Window length in seconds. */
                perSeconds: number;
              } | null;
              /** @description While the previous secret still signs (24 h after a rotation). */
              secretRotationEndsAt: string | null;
              /** @enum {string} */
              status: 'active' | 'failing' | 'disabled';
              updatedAt: string;
              url: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/webhooks/subscriptions/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List deliveries of a subscription
     * @description Newest first, filtered by status, event type and creation time; kept 30 days. Requires role `admin`; the caller’s product only.
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          eventType?: string;
          limit?: number;
          /** @description Deliveries created at or after this time (ISO 8601). */
          since?: string;
          status?: 'pending' | 'retrying' | 'succeeded' | 'failed';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                attempts: {
                  at: string;
                  attempt: number;
                  durationMs: number;
                  error: string | null;
                  responseCode: number | null;
                }[];
                createdAt: string;
                durationMs: number | null;
                error: string | null;
                eventId: string;
                eventType: string;
                finishedAt: string | null;
                id: string;
                nextAttemptAt: string | null;
                resendOf: string | null;
                /** @description The last response body, truncated. */
                responseBody: string | null;
                responseCode: number | null;
                /** @enum {string} */
                status: 'pending' | 'retrying' | 'succeeded' | 'failed';
                subscriptionId: string;
                test: boolean;
              }[];
              nextCursor?: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one delivery with a payload preview
     * @description Requires role `admin`; the caller’s product only.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          deliveryId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: {
                at: string;
                attempt: number;
                durationMs: number;
                error: string | null;
                responseCode: number | null;
              }[];
              createdAt: string;
              durationMs: number | null;
              error: string | null;
              eventId: string;
              eventType: string;
              finishedAt: string | null;
              id: string;
              nextAttemptAt: string | null;
              payloadBytes: number;
              /** @description The body sent, first 4 KB. */
              payloadPreview: string;
              resendOf: string | null;
              /** @description The last response body, truncated. */
              responseBody: string | null;
              responseCode: number | null;
              /** @enum {string} */
              status: 'pending' | 'retrying' | 'succeeded' | 'failed';
              subscriptionId: string;
              test: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}/resend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resend one delivery
     * @description A new delivery of the same body and event id (`webhook-id`), so receivers can dedupe. Requires role `admin`; the caller’s product only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          deliveryId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: {
                at: string;
                attempt: number;
                durationMs: number;
                error: string | null;
                responseCode: number | null;
              }[];
              createdAt: string;
              durationMs: number | null;
              error: string | null;
              eventId: string;
              eventType: string;
              finishedAt: string | null;
              id: string;
              nextAttemptAt: string | null;
              resendOf: string | null;
              /** @description The last response body, truncated. */
              responseBody: string | null;
              responseCode: number | null;
              /** @enum {string} */
              status: 'pending' | 'retrying' | 'succeeded' | 'failed';
              subscriptionId: string;
              test: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/subscriptions/{id}/resend-failed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resend every failed delivery since a time
     * @description At most 1000 per call. Requires role `admin`; the caller’s product only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date-time
             * @description Resend every failed delivery created at or after this time (at most 30 days back).
             */
            since: string;
          };
        };
      };
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deliveryIds: string[];
              resent: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/subscriptions/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate the signing secret
     * @description Returns the new secret once. For 24 hours deliveries are signed with both the new and the previous secret. Requires role `admin`; the caller’s product only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consecutiveFailures: number;
              createdAt: string;
              description: string;
              disabledReason: ('admin' | 'gone' | 'consecutive_failures') | null;
              enabled: boolean;
              eventTypes: string[];
              headers: {
                [key: string]: string;
              };
              /** @description green: ≥ 95 % success and not failing; yellow: ≥ 75 % or failing; red: below, or disabled. */
              health?: {
                /** @enum {string} */
                indicator: 'green' | 'yellow' | 'red' | 'unknown';
                /** @description How many recent finished deliveries the rate is computed over. */
                sample: number;
                /** @description Share of the recent finished deliveries that succeeded. */
                successRate: number | null;
              };
              id: string;
              lastDeliveryAt: string | null;
              lastFailureAt: string | null;
              lastSuccessAt: string | null;
              maxConcurrency: number;
              rateLimit: {
                /** @description Deliveries allowed per window. */
                max: number;
                /** @description Window length in seconds. */
                perSeconds: number;
              } | null;
              /** @description The signing secret (`whsec_…`). Shown only in this response: store it now. */
              secret: string;
              /** @description While the previous secret still signs (24 h after a rotation). */
              secretRotationEndsAt: string | null;
              /** @enum {string} */
              status: 'active' | 'failing' | 'disabled';
              updatedAt: string;
              url: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/subscriptions/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a test ping
     * @description Queues a `webhook.test` event to this subscription only; follow it in the deliveries log. Requires role `admin`; the caller’s product only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Client error (problem+json). */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Server error (problem+json). */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              /** @description Stable machine-readable code, e.g. `validation_failed`. */
              code: string;
              detail: string;
              /** @description Per-field issues of a validation failure. */
              errors?: {
                code: string;
                message: string;
                path: string;
              }[];
              /** @description The request path. */
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type. */
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: {
                at: string;
                attempt: number;
                durationMs: number;
                error: string | null;
                responseCode: number | null;
              }[];
              createdAt: string;
              durationMs: number | null;
              error: string | null;
              eventId: string;
              eventType: string;
              finishedAt: string | null;
              id: string;
              nextAttemptAt: string | null;
              resendOf: string | null;
              /** @description The last response body, truncated. */
              responseBody: string | null;
              responseCode: number | null;
              /** @enum {string} */
              status: 'pending' | 'retrying' | 'succeeded' | 'failed';
              subscriptionId: string;
              test: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
