export * from './catalogues';
export * from './read-model';
export { GroupsFacade } from './groups.facade';
export { groupStreamId } from '../group/stream';
