// Every stage that holds facts about a return's goods, asked together. The return's progress is
// derived from these (returns/domain/return-progress.ts); as stages land, they join this list.
import { combineFactSources, type LoadReturnFacts } from '../returns/index.js';
import { findReceivedUnits } from '../receiving/index.js';

export const loadReturnFacts: LoadReturnFacts = combineFactSources([findReceivedUnits]);
