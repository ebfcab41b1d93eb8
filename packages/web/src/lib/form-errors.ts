// The server names the field in `details`; put each message under the form field it belongs to.
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { ApiError, describeError } from '../api/client';

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

/**
 * A modal form's submit: shows busy while `action` runs; on failure puts the server's field messages
 * under their fields and the overall message in a toast (then calls `onError`, e.g. to refresh a
 * record that changed meanwhile). The one place for what every form dialog did by hand.
 */
export function useFormSubmit<V>(form: FormInstance<V>, action: (values: V) => Promise<void>, onError?: (err: unknown) => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (values: V) => {
    setBusy(true);
    try {
      await action(values);
    } catch (err) {
      applyFieldErrors(form as FormInstance, err);
      message.error(describeError(err));
      onError?.(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
