/** A URL-safe slug from a display name: lowercase ASCII letters and digits joined by single hyphens. */
export function slugify(name: string, maxLength = 100): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug || 'assistant';
}
