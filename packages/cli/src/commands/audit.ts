// `zhibu audit verify`: walks the hash chain; exit 1 and the first broken entry if tampered.
import { readConfig } from '@zhibu/server';
import { verifyAuditChain } from '@zhibu/server/lib/audit';
import { withDatabase } from '../lib/database';

export async function auditVerifyCommand(out: (line: string) => void = (l) => console.log(l)): Promise<number> {
  return withDatabase(readConfig(), async (handle) => {
    const result = await verifyAuditChain(handle.db);
    if (result.ok) {
      out(`ok：${result.message}`);
      return 0;
    }
    out(`审计日志链断开：第一个断点 seq=${result.firstBrokenSeq}。${result.message}（此前 ${result.checked} 条完好）`);
    return 1;
  });
}
