// The server names the field in `details`; put each message under the form field it belongs to.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Shows an ApiError's `details` on the matching fields of `form`. Returns true when at least one
 * field took a message (the caller still shows the overall message as a toast).
 */
export function applyFieldErrors(form: FormInstance, err: unknown, fieldMap: Record<string, string> = {}): boolean {
  if (!(err instanceof ApiError) || err.details.length === 0) return false;
  // Only fields the form shows; the rest stay in the toast.
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const fields = err.details
    .map((d) => ({ name: fieldMap[d.field] ?? d.field.split('.')[0] ?? d.field, errors: [d.message] }))
    .filter((f) => known.has(f.name) || Object.values(fieldMap).includes(f.name));
  if (fields.length === 0) return false;
  form.setFields(fields);
  form.scrollToField(fields[0]!.name, { behavior: 'smooth', block: 'center' });
  return true;
}
