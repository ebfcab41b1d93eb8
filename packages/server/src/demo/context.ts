// What a module's demo seeder gets: the open transaction, today, the rows already built (courts,
// orgs, members, activities) and the two demo courts' named people and branches, so that brands,
// rooms, partnerships and development cases hang off the same people the other pages show.
import type { IsoDate } from '@zhibu/domain';
import type { DbOrTx } from '@zhibu/db';
import type { CourtRow, DemoRows, MemberRow, OrgRow } from './builder';
import { seedBrandDemo } from './brands';
import { seedBaseDemo } from './bases';
import { seedPartnershipDemo } from './partnerships';
import { seedDevelopmentDemo } from './development';
import { seedDuesDemo } from './dues';
import { seedTransferDemo } from './transfers';
import { seedEvaluationDemo } from './evaluations';
import { seedTalkDemo } from './talks';
import { seedCareDemo } from './care';
import { seedPioneerDemo } from './pioneers';

export type DemoContext = {
  tx: DbOrTx;
  now: Date;
  today: IsoDate;
  rows: DemoRows;
  /** 安顺中院: 机关党委 (committee), 第一…第九党支部 and 第十（离退休） in order, named people by key. */
  anshun: { court: CourtRow; committee: OrgRow; branches: OrgRow[]; named: Record<string, MemberRow> };
  /** 渌口法院: 党总支 (general) and named people; its branches are the orgs under it in rows.partyOrgs. */
  lukou: { court: CourtRow; general: OrgRow; named: Record<string, MemberRow | undefined> };
  guizhouCourtId: string;
  zhuzhouCourtId: string;
  /** Demo account username → user id. */
  userIds: Map<string, string>;
};

export type DemoSeeder = (ctx: DemoContext) => Promise<void>;

/** Run in this order, inside the demo's one transaction, after orgs, members, activities and accounts. */
export const moduleDemoSeeders: DemoSeeder[] = [seedBrandDemo, seedBaseDemo, seedPartnershipDemo, seedDevelopmentDemo, seedDuesDemo, seedTransferDemo,
  seedEvaluationDemo, seedTalkDemo, seedCareDemo, seedPioneerDemo];
