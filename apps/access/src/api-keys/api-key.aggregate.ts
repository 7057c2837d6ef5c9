import {
  API_KEY_EVENT_TYPES,
  decideApiKey,
  foldApiKey,
  type ApiKey,
  type ApiKeyCommand,
  type ApiKeyEvent,
  type ApiKeyState,
} from '@platform/access-domain';
import { API_KEY_STREAM_CATEGORY, type ApiKeyDto } from '@platform/contracts';
import type { Aggregate } from '@platform/service-kit';
import { toApiKeyDto } from './api-key.mapper';
import { writeApiKeyView } from './projections/api-key-view.projection';

export const apiKeyAggregate: Aggregate<ApiKey, ApiKeyState, ApiKeyCommand, ApiKeyEvent, ApiKeyDto> = {
  category: API_KEY_STREAM_CATEGORY,
  table: 'api_key_view',
  eventTypes: API_KEY_EVENT_TYPES,
  stateOf: (doc) => (doc ? { kind: 'existing', key: doc } : { kind: 'none' }),
  docOf: (state) => (state.kind === 'existing' ? state.key : null),
  decide: decideApiKey,
  fold: (events, state) => foldApiKey(events, state),
  versionOf: (doc) => doc.version,
  toResponse: (doc) => toApiKeyDto(doc),
  write: writeApiKeyView,
};
