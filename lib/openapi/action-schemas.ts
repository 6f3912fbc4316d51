// The action DTOs' output schemas as the document names them: those of the field registry
// (lib/actions/contracts.ts, feat/registry), registered as OpenAPI components here.
import { actionDtoSchema, actionHistoryEntrySchema as historyEntry, actionListItemSchema as listItem } from '@/lib/actions/contracts';
import { component } from './registry';

export const actionSchema = component('Action', actionDtoSchema);
export const actionListItemSchema = component('ActionListItem', listItem);
export const actionHistoryEntrySchema = component('ActionHistoryEntry', historyEntry);
