export function adminUrl(): string;
export function natsUrl(): string;
export function uniqueName(kind: string, label: string, maxLabel?: number): string;
export function createDatabase(kind: string, label: string): Promise<{ name: string; url: string; drop(): Promise<void> }>;
export function deleteStreams(subjects: string): Promise<void>;
export function storedMessages(subjects: string): Promise<unknown[]>;
