/**
 * Whether the services' ticket series tell them apart: where a branch numbers tickets by where
 * they were taken (every kiosk ticket K-…), a badge with the service's letter would promise a
 * number the ticket does not have, and one with K on every service says nothing.
 */
export const seriesTellApart = (services: readonly { ticketSeries: string }[]): boolean =>
  new Set(services.map((s) => s.ticketSeries)).size === services.length && services.length > 1;
