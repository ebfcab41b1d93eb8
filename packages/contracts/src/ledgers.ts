// 台账 downloads (issue 3 § Ledgers): one activity, a branch-year binder, an Excel summary.
import { z } from './zod-setup';
import { idSchema } from './common';

export const ledgerYearQuery = z.object({ orgId: idSchema, year: z.coerce.number().int().min(2000).max(2100) });
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
