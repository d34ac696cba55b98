import type { FormInstance } from 'antd';
import { ApiError, CommonErrorCode } from '@minimall/contracts';

interface FieldError {
  path: string;
  message: string;
}

function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof ApiError) || error.code !== CommonErrorCode.VALIDATION_FAILED) return [];
  const fields = (error.details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is FieldError => typeof f?.path === 'string' && typeof f?.message === 'string');
}

/**
 * Puts the server's VALIDATION_FAILED messages under the form fields they name (`roleIds.0` goes to
 * `roleIds`). Returns false when nothing could be placed, so the caller shows the error itself.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  const known = new Set(Object.keys(form.getFieldsValue() as object));
  const byField = new Map<string, string[]>();
  for (const { path, message } of fieldErrorsOf(error)) {
    const field = path.split('.')[0] ?? '';
    if (!known.has(field)) continue;
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
