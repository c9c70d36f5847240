/** A send that will fail the same way every time (a 4xx from the provider, an address the server rejects): no retry. */
export class PermanentDeliveryError extends Error {}
