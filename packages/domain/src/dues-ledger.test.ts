import { describe, expect, it } from 'vitest';
import { computeMonthlyDues } from './dues';
import {
  addYearMonths,
  buildDuesMonths,
  checkDuesAdjustment,
  checkDuesPaymentMonth,
  computeDuesArrears,
  computeDuesBaseFen,
  dueFor,
  monthRange,
  monthsBetween,
  yearMonths,
  type MemberDuesInput,
  type YearMonth,
} from './dues-ledger';
import { defaultRuleConfig } from './rule-config';

const member = (over: Partial<MemberDuesInput> = {}): MemberDuesInput => ({
  joinedOn: '2010-07-01',
  leftOn: null,
  bases: [{ effectiveMonth: '2026-01', monthlyFen: 9000 }],
  adjustments: [],
  payments: [],
  ...over,
});
const paidMonths = (months: YearMonth[]) => months.map((month) => ({ month, amountFen: 9000, paidOn: `${month}-10`, paidByName: null }));

describe('年月运算', () => {
  it.each([
    ['2026-01', -1, '2025-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-07', -6, '2026-01'],
    ['2026-07', -7, '2025-12'],
  ])('%s 加 %i 个月是 %s', (m, n, expected) => expect(addYearMonths(m, n)).toBe(expected));
  it('跨年相差的月数', () => expect(monthsBetween('2025-11', '2026-05')).toBe(6));
  it('一年12个月', () => expect(yearMonths(2026)).toHaveLength(12));
});

describe('补交一般不超过6个月（党费规定第十二条）', () => {
  it.each([
    ['2026-11', '2026-11', null],
    ['2026-10', '2026-11', null],
    ['2026-05', '2026-11', null],
    ['2025-12', '2026-06', null],
  ])('%s 的党费在 %s 登记：允许（本月或补交不超过6个月）', (month, now, expected) => {
    expect(checkDuesPaymentMonth(month, now)).toBe(expected);
  });
  it('恰好补交6个月前的党费允许，7个月前的被拒绝并引用第十二条', () => {
    expect(checkDuesPaymentMonth('2026-05', '2026-11')).toBeNull();
    const refused = checkDuesPaymentMonth('2026-04', '2026-11');
    expect(refused?.field).toBe('month');
    expect(refused?.message).toContain('补交一般不超过6个月');
    expect(refused?.message).toContain('第十二条');
    expect(refused?.message).toContain('2026年4月');
  });
  it('跨年：2026年6月补交2025年11月（7个月前）被拒绝', () => {
    expect(checkDuesPaymentMonth('2025-11', '2026-06')?.field).toBe('month');
  });
  it('未到期的月份不能提前登记', () => {
    expect(checkDuesPaymentMonth('2026-12', '2026-11')?.message).toContain('尚未到期');
  });
});

describe('连续未交党费计数（党章第九条：支部决定，系统只提示）', () => {
  const now = '2026-11';
  const lastPaid = (m: YearMonth) => member({ payments: paidMonths(monthRange('2026-01', m)) });
  it.each([
    ['2026-10', 0, 'ok'],
    ['2026-09', 1, 'ok'],
    ['2026-08', 2, 'ok'],
    ['2026-07', 3, 'warning'],
    ['2026-06', 4, 'warning'],
    ['2026-05', 5, 'warning'],
    ['2026-04', 6, 'critical'],
  ])('交至 %s，11月时连续未交 %i 个月 → %s（本月仍在收缴，不计入）', (paidThrough, months, level) => {
    const r = computeDuesArrears(lastPaid(paidThrough), now);
    expect(r.months).toBe(months);
    expect(r.level).toBe(level);
    expect(r.rule).toContain('章程》第九条');
    expect(r.rule).toContain('系统不自动处理');
  });
  it('连续6个月未交：提示支部研究，不自动处置', () => {
    const r = computeDuesArrears(lastPaid('2026-04'), now);
    expect(r.message).toContain('连续6个月');
    expect(r.message).toContain('请支部研究');
  });
  it('经批准免交的月份是正当理由，中断连续计数', () => {
    const r = computeDuesArrears(member({ adjustments: [{ fromMonth: '2026-07', toMonth: '2026-07', kind: 'exempt', monthlyFen: 0 }], payments: paidMonths(monthRange('2026-01', '2026-06')) }), now);
    expect(r.months).toBe(3);
  });
  it('入党前的月份不计入（预备党员8月入党，9、10月未交 → 2个月）', () => {
    expect(computeDuesArrears(member({ joinedOn: '2026-08-20', payments: paidMonths(['2026-08']) }), now).months).toBe(2);
  });
  it('阈值可按法院配置', () => {
    expect(computeDuesArrears(lastPaid('2026-08'), now, { warnMonths: 2, criticalMonths: 4 }).level).toBe('warning');
  });
});

describe('预备党员自支部大会通过之日起交纳（第八条）', () => {
  it.each([
    ['2026-06-15', '2026-05', 'notMember'],
    ['2026-06-15', '2026-06', 'due'],
    ['2026-06-30', '2026-06', 'due'],
    ['2026-07-01', '2026-06', 'notMember'],
    ['2026-06-01', '2026-06', 'due'],
  ])('入党时间 %s：%s 的状态为 %s', (joinedOn, month, state) => {
    expect(dueFor(member({ joinedOn }), month).state).toBe(state);
  });
  it('年中转出的党员，转出当月应交、之后不再应交', () => {
    const m = member({ leftOn: '2026-05-20' });
    expect(dueFor(m, '2026-05').state).toBe('due');
    expect(dueFor(m, '2026-06').state).toBe('notMember');
  });
});

describe('按月台账', () => {
  it('工资变化从新标准当月起按新基数交纳（第十条）', () => {
    const cells = buildDuesMonths(member({ bases: [{ effectiveMonth: '2026-01', monthlyFen: 9000 }, { effectiveMonth: '2026-07', monthlyFen: 10500 }] }), yearMonths(2026), '2026-11');
    expect(cells[5]!.dueFen).toBe(9000);
    expect(cells[6]!.dueFen).toBe(10500);
  });
  it('代交、补交、自愿多交、未到期', () => {
    const cells = buildDuesMonths(
      member({ payments: [{ month: '2026-03', amountFen: 9000, paidOn: '2026-05-08', paidByName: '李红（配偶）' }, { month: '2026-04', amountFen: 20000, paidOn: '2026-04-10', paidByName: null }] }),
      yearMonths(2026),
      '2026-11',
    );
    expect(cells[2]).toMatchObject({ state: 'paid', backPaid: true, paidByName: '李红（配偶）' });
    expect(cells[3]).toMatchObject({ state: 'paid', extraFen: 11000, backPaid: false });
    expect(cells[4]!.state).toBe('unpaid');
    expect(cells[11]!.state).toBe('future');
  });
  it('经批准少交的月份按少交金额计应交，免交月份应交为0', () => {
    const m = member({ adjustments: [{ fromMonth: '2026-02', toMonth: '2026-03', kind: 'reduce', monthlyFen: 2000 }, { fromMonth: '2026-04', toMonth: null, kind: 'exempt', monthlyFen: 0 }] });
    expect(dueFor(m, '2026-02')).toMatchObject({ dueFen: 2000, reduced: true });
    expect(dueFor(m, '2026-09')).toMatchObject({ state: 'exempt', dueFen: 0 });
  });
  it('没有基数的月份标为未定基数，不计欠交', () => {
    expect(dueFor(member({ bases: [] }), '2026-03').state).toBe('noBase');
    expect(computeDuesArrears(member({ bases: [] }), '2026-11').months).toBe(0);
  });
});

describe('基数构成与舍入', () => {
  it('基数 = 各项工资收入之和 − 扣除项（不低于0）', () => {
    expect(computeDuesBaseFen([{ name: '职务工资', amountFen: 500000, deducted: false }, { name: '级别工资', amountFen: 300000, deducted: false }, { name: '个人所得税', amountFen: 50000, deducted: true }])).toBe(750000);
    expect(computeDuesBaseFen([{ name: '个人所得税', amountFen: 100, deducted: true }])).toBe(0);
  });
  it.each([
    [333333, 'halfUp', 'fen', 3333],
    [333333, 'halfUp', 'jiao', 3330],
    [300000, 'halfUp', 'fen', 1500],
    [300001, 'halfUp', 'fen', 3000],
    [666667, 'halfUp', 'fen', 10000],
    [666633, 'down', 'fen', 9999],
    [666633, 'up', 'jiao', 10000],
    [666633, 'halfUp', 'jiao', 10000],
    [666601, 'down', 'jiao', 9990],
  ] as const)('基数 %i 分，%s 到 %s → 每月 %i 分', (baseFen, mode, unit, expected) => {
    const config = { dues: { ...defaultRuleConfig.dues, rounding: { mode, unit } } };
    expect(computeMonthlyDues({ baseFen, memberType: 'inService', config }).amountFen).toBe(expected);
  });
});

describe('少交/免交申请', () => {
  it('少交须填写金额，结束月份不能早于开始月份', () => {
    expect(checkDuesAdjustment({ kind: 'reduce', fromMonth: '2026-01', toMonth: null, monthlyFen: null })?.field).toBe('monthlyFen');
    expect(checkDuesAdjustment({ kind: 'exempt', fromMonth: '2026-05', toMonth: '2026-04', monthlyFen: null })?.field).toBe('toMonth');
    expect(checkDuesAdjustment({ kind: 'exempt', fromMonth: '2026-05', toMonth: null, monthlyFen: null })).toBeNull();
  });
});
