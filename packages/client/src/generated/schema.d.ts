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
