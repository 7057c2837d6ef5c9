import type { AssistantsEvent } from '@platform/contracts';

/** What analytics keeps of each assistant: whose it is (to scope reads), its name, type and status. */
export interface AssistantCatalogEntry {
  assistantId: string;
  ownerId: string;
  name: string;
  type: string;
  status: 'draft' | 'active' | 'inactive' | 'archived';
  createdAt: string;
  archivedAt: string | null;
}

export const assistantCatalogHandles = [
  'AssistantCreated',
  'AssistantCloned',
  'AssistantUpdated',
  'AssistantActivated',
  'AssistantDeactivated',
  'AssistantArchived',
] as const;

type Handled = Extract<AssistantsEvent, { type: (typeof assistantCatalogHandles)[number] }>;

/** The assistant an event is about, or null for one the catalog ignores. */
export function assistantCatalogKeyOf(event: AssistantsEvent): string | null {
  return (assistantCatalogHandles as readonly string[]).includes(event.type)
    ? (event as Handled).data.assistantId
    : null;
}

export function evolveAssistantCatalog(
  entry: AssistantCatalogEntry | null,
  event: AssistantsEvent,
): AssistantCatalogEntry | null {
  switch (event.type) {
    case 'AssistantCreated':
    case 'AssistantCloned': {
      const d = event.data;
      return {
        assistantId: d.assistantId,
        ownerId: d.ownerId,
        name: d.name,
        type: d.type,
        status: 'draft',
        createdAt: d.createdAt,
        archivedAt: null,
      };
    }
    case 'AssistantUpdated':
      if (!entry) return entry;
      return { ...entry, name: event.data.changes.name ?? entry.name, type: event.data.changes.type ?? entry.type };
    case 'AssistantActivated':
      return entry && { ...entry, status: 'active' };
    case 'AssistantDeactivated':
      return entry && { ...entry, status: 'inactive' };
    case 'AssistantArchived':
      return entry && { ...entry, status: 'archived', archivedAt: event.data.at };
    default:
      return entry;
  }
}
