/**
 * The shipped templates: the seed's eight email templates (plus `email-verification`, which the
 * identity flows need) and its three push types. Each declares its variables with zod (the data a
 * caller passes is checked before anything is queued) and sample data (used by previews, by the
 * check of an override at save time, and by "send test"). The category drives preferences;
 * `transactional: false` mail carries List-Unsubscribe; `security` mail is always sent (critical),
 * and its data is never kept once sent.
 */
import { z } from 'zod';

export const CATEGORIES = ['security', 'account', 'billing', 'onboarding', 'product', 'reminders'] as const;
export type Category = (typeof CATEGORIES)[number];

const url = z.url().max(2000);
const optionalText = z.string().max(200).nullable().default(null);

export interface EmailTemplateDefinition {
  name: string;
  category: Category;
  transactional: boolean;
  security: boolean;
  description: string;
  variables: z.ZodObject;
  sample: Record<string, unknown>;
  subject: string;
  html: string;
  text: string;
}

export interface PushTypeDefinition {
  name: string;
  category: Category;
  transactional: boolean;
  description: string;
  variables: z.ZodObject;
  sample: Record<string, unknown>;
  title: string;
  body: string;
  pushType: 'alert' | 'background';
  priority: 'high' | 'normal';
  /** Later messages with the same collapse id replace earlier ones on the device. */
  collapseId?: string;
  /** Seconds the provider keeps trying (default 1 day). */
  ttlSeconds?: number;
}

function email(definition: EmailTemplateDefinition): EmailTemplateDefinition {
  return definition;
}

export const EMAIL_TEMPLATES: readonly EmailTemplateDefinition[] = [
  email({
    name: 'welcome',
    category: 'onboarding',
    transactional: false,
    security: false,
    description: 'Welcome email with a getting-started guide (on `user.created`).',
    variables: z.object({ name: optionalText, plan: z.string().min(1).max(100).default('free') }),
    sample: { name: 'Ann', plan: 'pro' },
    subject: 'Welcome to {{productName}}',
    html: '<h1>Welcome{{#if name}}, {{name}}{{/if}}!</h1>\n<p>Your {{plan}} account is ready. Here is how to get started:</p>\n<ol><li>Open <a href="{{appUrl}}">{{productName}}</a>.</li><li>Set up your profile.</li><li>Invite your team.</li></ol>',
    text: 'Welcome{{#if name}}, {{name}}{{/if}}!\n\nYour {{plan}} account is ready. Get started at {{appUrl}}.',
  }),
  email({
    name: 'trial-expiring',
    category: 'billing',
    transactional: true,
    security: false,
    description: '"Your trial ends in N days".',
    variables: z.object({
      name: optionalText,
      daysLeft: z.number().int().min(0).max(365),
      trialEndsAt: z.string().min(1).max(100),
      upgradeUrl: url,
    }),
    sample: {
      name: 'Ann',
      daysLeft: 7,
      trialEndsAt: '2026-02-01',
      upgradeUrl: 'https://app.example.com/upgrade',
    },
    subject: 'Your {{productName}} trial ends in {{daysLeft}} days',
    html: '<p>Hi{{#if name}} {{name}}{{/if}},</p>\n<p>Your trial ends on {{trialEndsAt}} ({{daysLeft}} days left).</p>\n<p><a href="{{upgradeUrl}}">Upgrade now</a> to keep your work.</p>',
    text: 'Hi{{#if name}} {{name}}{{/if}},\n\nYour trial ends on {{trialEndsAt}} ({{daysLeft}} days left).\nUpgrade: {{upgradeUrl}}',
  }),
  email({
    name: 'trial-expired',
    category: 'billing',
    transactional: true,
    security: false,
    description: '"Your trial has ended — upgrade to continue".',
    variables: z.object({ name: optionalText, upgradeUrl: url }),
    sample: { name: 'Ann', upgradeUrl: 'https://app.example.com/upgrade' },
    subject: 'Your {{productName}} trial has ended',
    html: '<p>Hi{{#if name}} {{name}}{{/if}},</p>\n<p>Your trial has ended. <a href="{{upgradeUrl}}">Upgrade</a> to continue.</p>',
    text: 'Hi{{#if name}} {{name}}{{/if}},\n\nYour trial has ended. Upgrade to continue: {{upgradeUrl}}',
  }),
  email({
    name: 'password-reset',
    category: 'security',
    transactional: true,
    security: true,
    description: 'One-time password reset link (from the identity flows).',
    variables: z.object({ resetUrl: url, expiresInMinutes: z.number().int().min(1).max(10_080) }),
    sample: { resetUrl: 'https://app.example.com/reset-password?token=sample', expiresInMinutes: 60 },
    subject: 'Reset your {{productName}} password',
    html: '<p>Someone asked to reset the password of your {{productName}} account.</p>\n<p><a href="{{resetUrl}}">Choose a new password</a> (the link works for {{expiresInMinutes}} minutes, once).</p>\n<p>If it was not you, ignore this email.</p>',
    text: 'Someone asked to reset the password of your {{productName}} account.\n\nChoose a new password: {{resetUrl}}\n(The link works for {{expiresInMinutes}} minutes, once.)\n\nIf it was not you, ignore this email.',
  }),
  email({
    name: 'email-verification',
    category: 'security',
    transactional: true,
    security: true,
    description: 'Email address verification link (from the identity flows).',
    variables: z.object({ verifyUrl: url, expiresInMinutes: z.number().int().min(1).max(10_080) }),
    sample: { verifyUrl: 'https://app.example.com/verify-email?token=sample', expiresInMinutes: 1440 },
    subject: 'Verify your email for {{productName}}',
    html: '<p>Please confirm your email address.</p>\n<p><a href="{{verifyUrl}}">Verify my email</a> (the link works for {{expiresInMinutes}} minutes).</p>',
    text: 'Please confirm your email address: {{verifyUrl}}\n(The link works for {{expiresInMinutes}} minutes.)',
  }),
  email({
    name: 'invitation',
    category: 'account',
    transactional: true,
    security: false,
    description: '"You\'ve been invited to join".',
    variables: z.object({ inviterName: z.string().min(1).max(200), inviteUrl: url }),
    sample: { inviterName: 'Bob', inviteUrl: 'https://app.example.com/invite/abc' },
    subject: '{{inviterName}} invited you to {{productName}}',
    html: '<p>{{inviterName}} invited you to join {{productName}}.</p>\n<p><a href="{{inviteUrl}}">Accept the invitation</a></p>',
    text: '{{inviterName}} invited you to join {{productName}}.\n\nAccept: {{inviteUrl}}',
  }),
  email({
    name: 'waitlist-accepted',
    category: 'account',
    transactional: true,
    security: false,
    description: '"You\'re in! Here\'s your access".',
    variables: z.object({ accessUrl: url, code: optionalText }),
    sample: { accessUrl: 'https://app.example.com/signup', code: 'EARLY-42' },
    subject: "You're in! Your {{productName}} access",
    html: '<p>You\'re off the waitlist.</p>\n<p><a href="{{accessUrl}}">Create your account</a>{{#if code}} with code <strong>{{code}}</strong>{{/if}}.</p>',
    text: "You're off the waitlist.\n\nCreate your account: {{accessUrl}}{{#if code}}\nCode: {{code}}{{/if}}",
  }),
  email({
    name: 'payment-failed',
    category: 'billing',
    transactional: true,
    security: false,
    description: '"We couldn\'t charge your card" (on `payment.failed`).',
    variables: z.object({
      amount: z.string().min(1).max(50),
      invoiceId: z.string().min(1).max(200),
      retryCount: z.number().int().min(0).default(0),
      billingUrl: url,
    }),
    sample: {
      amount: '$49.00',
      invoiceId: 'in_123',
      retryCount: 1,
      billingUrl: 'https://app.example.com/billing',
    },
    subject: "We couldn't charge your card for {{productName}}",
    html: '<p>The payment of {{amount}} (invoice {{invoiceId}}) failed.</p>\n<p><a href="{{billingUrl}}">Update your payment method</a> to keep your subscription.</p>',
    text: 'The payment of {{amount}} (invoice {{invoiceId}}) failed.\n\nUpdate your payment method: {{billingUrl}}',
  }),
  email({
    name: 'license-expiring',
    category: 'billing',
    transactional: true,
    security: false,
    description: '"Your license expires in N days".',
    variables: z.object({
      daysLeft: z.number().int().min(0).max(365),
      expiresAt: z.string().min(1).max(100),
      renewUrl: url,
    }),
    sample: { daysLeft: 7, expiresAt: '2026-02-01', renewUrl: 'https://app.example.com/license' },
    subject: 'Your {{productName}} license expires in {{daysLeft}} days',
    html: '<p>Your license expires on {{expiresAt}}.</p>\n<p><a href="{{renewUrl}}">Renew it</a> to avoid an interruption.</p>',
    text: 'Your license expires on {{expiresAt}}.\n\nRenew: {{renewUrl}}',
  }),
];

export const PUSH_TYPES: readonly PushTypeDefinition[] = [
  {
    name: 'dictation_reminder',
    category: 'reminders',
    transactional: false,
    description: '"Haven\'t dictated today — keep your streak!"',
    variables: z.object({ streakDays: z.number().int().min(0).max(100_000).default(0) }),
    sample: { streakDays: 12 },
    title: 'Keep your streak going',
    body: "Haven't dictated today{{#if streakDays}} — you're on a {{streakDays}}-day streak{{/if}}!",
    pushType: 'alert',
    priority: 'normal',
    collapseId: 'dictation_reminder',
    ttlSeconds: 6 * 3600,
  },
  {
    name: 'feature_announcement',
    category: 'product',
    transactional: false,
    description: 'Admin-triggered announcement.',
    variables: z.object({
      headline: z.string().min(1).max(120),
      message: z.string().min(1).max(500),
      url: z.url().max(2000).nullable().default(null),
    }),
    sample: { headline: 'New: offline mode', message: 'Dictate without a connection.', url: null },
    title: '{{headline}}',
    body: '{{message}}',
    pushType: 'alert',
    priority: 'normal',
  },
  {
    name: 'subscription_change',
    category: 'billing',
    transactional: true,
    description: 'Plan upgraded / downgraded / expired.',
    variables: z.object({ plan: z.string().min(1).max(100), status: z.string().min(1).max(50) }),
    sample: { plan: 'pro', status: 'active' },
    title: 'Your subscription changed',
    body: 'Your plan is now {{plan}} ({{status}}).',
    pushType: 'alert',
    priority: 'high',
  },
];

export const EMAIL_TEMPLATE_NAMES = EMAIL_TEMPLATES.map((template) => template.name);
export const PUSH_TYPE_NAMES = PUSH_TYPES.map((type) => type.name);

export function emailTemplate(name: string): EmailTemplateDefinition | undefined {
  return EMAIL_TEMPLATES.find((template) => template.name === name);
}

export function pushType(name: string): PushTypeDefinition | undefined {
  return PUSH_TYPES.find((type) => type.name === name);
}
