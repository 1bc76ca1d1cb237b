export * from './read-model';
export const decisionStreamId = (decisionId: string) => `decisions.decision-${decisionId.toLowerCase()}`;
