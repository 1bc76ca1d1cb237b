/** Prefix of every stored pilot event type, e.g. for a projection's subscription filter. */
export const pilotEventTypePrefix = 'pilot.';

/** One stream per case; the id is pseudonymous (checked by the handlers before it gets here). */
export const caseStreamId = (caseId: string) => `pilot.case-${caseId}`;

/** One stream per pilot site, keyed by its TERYT code. */
export const siteStreamId = (teryt: string) => `pilot.site-${teryt}`;
