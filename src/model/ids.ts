let counter = 0;

/**
 * A client-made id, unique enough to make commands idempotent. Not
 * crypto.randomUUID: that exists only in secure contexts, and a demo served
 * on a LAN address is not one.
 */
export function newId(prefix = 'id'): string {
  counter = (counter + 1) % 1_679_616;
  const random = Math.floor(Math.random() * 2 ** 40).toString(36);
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}-${random}`;
}
