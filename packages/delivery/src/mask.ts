/** Masking of recipients for the delivery log and logs: enough to recognise, not to contact. */

/** `ann.lee@example.com` → `a***e@example.com`; a phone or token keeps its last 4 characters. */
export function maskRecipient(value: string): string {
  const at = value.lastIndexOf('@');
  if (at > 0) {
    const local = value.slice(0, at);
    const domain = value.slice(at + 1);
    const masked = local.length <= 2 ? `${local[0] ?? ''}***` : `${local[0]}***${local[local.length - 1]}`;
    return `${masked}@${domain}`;
  }
  return value.length <= 4 ? '****' : `…${value.slice(-4)}`;
}

/** Lower-cased, trimmed address: the key of suppression entries. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

const EMAIL_IN_TEXT = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[^\s<>"'(),;:]+/g;

/** A provider's error text with any email address in it masked (SMTP replies often quote the recipient). */
export function maskAddressesIn(text: string): string {
  return text.replace(EMAIL_IN_TEXT, (address) => maskRecipient(address));
}
