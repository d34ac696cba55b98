import { ApiError } from '@minimall/contracts';

/** Field path (e.g. "phone", "districtCode") → the first message for it. */
export type FieldErrors = Partial<Record<string, string>>;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** Messages of a client-side schema check (the contracts' zod schemas speak Chinese). */
export function fieldErrorsFromIssues(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

/** `details.fields` of a server error (validation, REGION_INVALID …), or null when it names none. */
export function fieldErrorsFromApi(error: unknown): FieldErrors | null {
  if (!(error instanceof ApiError)) return null;
  const fields = (error.details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return null;
  const errors: FieldErrors = {};
  for (const field of fields as { path?: unknown; message?: unknown }[]) {
    if (typeof field?.path === 'string' && typeof field.message === 'string') errors[field.path] ??= field.message;
  }
  return Object.keys(errors).length ? errors : null;
}

/** What to tell the shopper about a failed call. */
export function errorMessage(error: unknown, fallback = '操作失败，请稍后重试'): string {
  return error instanceof ApiError ? error.message : fallback;
}
