import type { ContextDescriptor } from '../context-descriptor';
import { comparisonContext } from './comparison';
import { decisionsContext } from './decisions';
import { groupsContext } from './groups';
import { pilotContext } from './pilot';
import { privacyContext } from './privacy';
import { programmeContext } from './programme';
import { territoryContext } from './territory';

/** Every bounded context the apps compose. */
export const contexts: readonly ContextDescriptor[] = [
  programmeContext,
  territoryContext,
  groupsContext,
  decisionsContext,
  pilotContext,
  comparisonContext,
  privacyContext,
];
