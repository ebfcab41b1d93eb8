// `zhibu dues calc --base 6000 --type in-service`: the monthly 党费 in yuan with two decimals.
// National defaults only (defaultRuleConfig): it never opens the database, so a court's overrides
// (农民党员金额, 舍入) apply in the web app's 党费计算器, not here. @see RULES.md §4.1
import { computeMonthlyDues, defaultRuleConfig, duesTypeUsesBase, formatYuan, parseYuan, YuanFormatError, type DuesMemberType } from '@zhibu/domain';
import { CliError } from '../lib/errors';

/** --type values → the domain's member types. */
export const duesTypeOptions: Record<string, DuesMemberType> = {
  'in-service': 'inService',
  retired: 'retired',
  student: 'student',
  unemployed: 'unemployed',
  'low-income': 'lowIncome',
  farmer: 'farmer',
};

export const duesUsage = 'npx zhibu dues calc --base <工资基数（元）> --type <in-service|retired|student|unemployed|low-income|farmer>';

export function duesCalcCommand(opts: { base?: string; type?: string }, out: (line: string) => void = (l) => console.log(l)): number {
  if (opts.type === undefined) throw new CliError(`缺少 --type（党员类别）。用法：${duesUsage}`);
  const memberType = Object.hasOwn(duesTypeOptions, opts.type) ? duesTypeOptions[opts.type] : undefined;
  if (!memberType) throw new CliError(`--type 不正确：“${opts.type}”，应为 ${Object.keys(duesTypeOptions).join('、')} 之一`);
  let baseFen: number | undefined;
  if (opts.base !== undefined) {
    try {
      baseFen = parseYuan(opts.base);
    } catch (err) {
      if (err instanceof YuanFormatError) throw new CliError(`--base 不正确（收到 “${opts.base}”）：${err.message}`);
      throw err;
    }
  } else if (duesTypeUsesBase(memberType)) {
    throw new CliError(`缺少 --base（工资基数，元）。用法：${duesUsage}`);
  }
  out(formatYuan(computeMonthlyDues({ baseFen, memberType, config: defaultRuleConfig }).amountFen));
  return 0;
}
