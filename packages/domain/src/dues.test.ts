import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMonthlyDues, formatBasisPoints, formatYuan, parseYuan, roundDuesFen, YuanFormatError, type DuesMemberType } from './dues';
import { defaultRuleConfig, mergeRuleConfig, type DuesConfig } from './rule-config';

const dues = (base: string, memberType: DuesMemberType, config?: { dues: DuesConfig }) =>
  formatYuan(computeMonthlyDues({ baseFen: parseYuan(base), memberType, ...(config ? { config } : {}) }).amountFen);

describe('parseYuan / formatYuan：金额以分为单位的整数', () => {
  it.each([
    ['6000', 600_000],
    ['3000.01', 300_001],
    ['3000.1', 300_010],
    ['0', 0],
    ['0.07', 7],
    [' 5000.00 ', 500_000],
    ['６０００．５', 600_050],
    ['100000000', 10_000_000_000],
  ])('%j 元 = %i 分（精确，无浮点误差）', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each([
    ['', '请输入金额'],
    ['abc', '请输入有效金额（元），如 6000 或 3000.01'],
    ['12a', '请输入有效金额（元），如 6000 或 3000.01'],
    ['1e3', '请输入有效金额（元），如 6000 或 3000.01'],
    ['1,000', '请输入有效金额（元），如 6000 或 3000.01'],
    ['-1', '金额不能为负数'],
    ['3000.001', '金额最多保留两位小数（精确到分）'],
    ['100000000.01', '金额过大（不超过1亿元）'],
    ['99999999999999999999', '金额过大（不超过1亿元）'],
  ])('%j 应当被拒绝：%s', (text, message) => {
    expect(() => parseYuan(text)).toThrow(YuanFormatError);
    expect(() => parseYuan(text)).toThrow(message);
  });

  it.each([
    [9000, '90.00'],
    [20, '0.20'],
    [0, '0.00'],
    [300_001, '3000.01'],
    [-5, '-0.05'],
  ])('%i 分显示为 %s 元', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it.each([
    [50, '0.5%'],
    [100, '1%'],
    [150, '1.5%'],
    [200, '2%'],
  ])('%i 个基点显示为 %s', (bp, text) => {
    expect(formatBasisPoints(bp)).toBe(text);
  });
});

describe('在职党员：按整额（非累进）比例交纳 — 中组发〔2008〕3号 第二条', () => {
  it.each([
    ['0', '0.00', '0.5%', '3000元及以下'],
    ['3000.00', '15.00', '0.5%', '3000元及以下'],
    ['3000.01', '30.00', '1%', '3000元以上至5000元'],
    ['5000.00', '50.00', '1%', '3000元以上至5000元'],
    ['5000.01', '75.00', '1.5%', '5000元以上至10000元'],
    ['6000', '90.00', '1.5%', '5000元以上至10000元'],
    ['10000.00', '150.00', '1.5%', '5000元以上至10000元'],
    ['10000.01', '200.00', '2%', '10000元以上'],
    ['20000', '400.00', '2%', '10000元以上'],
  ])('基数 %s 元 → 每月 %s 元（%s，%s）', (base, amount, rate, band) => {
    const result = computeMonthlyDues({ baseFen: parseYuan(base), memberType: 'inService' });
    expect(formatYuan(result.amountFen)).toBe(amount);
    expect(result).toMatchObject({ kind: 'rate', rate, bandLabel: band });
    expect(result.rule).toContain('中组发〔2008〕3号）第二条');
    expect(result.rule).toContain('RULES.md §4.1');
  });

  it('整额而非累进：6000元全额按1.5%，不是分段累加（累进会得 15+20+15=50.00）', () => {
    expect(dues('6000', 'inService')).toBe('90.00');
  });

  it('跨档的断点是有意的：3000.00 交 15.00，多 1 分就交 30.00', () => {
    expect(dues('3000.01', 'inService')).not.toBe(dues('3000.00', 'inService'));
  });
});

describe('离退休党员：≤5000 元 0.5%，>5000 元 1% — 第五条', () => {
  it.each([
    ['5000.00', '25.00', '0.5%', '5000元及以下'],
    ['5000.01', '50.00', '1%', '5000元以上'],
    ['6000', '60.00', '1%', '5000元以上'],
    ['2000', '10.00', '0.5%', '5000元及以下'],
  ])('离退休费 %s 元 → 每月 %s 元（%s，%s）', (base, amount, rate, band) => {
    const result = computeMonthlyDues({ baseFen: parseYuan(base), memberType: 'retired' });
    expect(formatYuan(result.amountFen)).toBe(amount);
    expect(result).toMatchObject({ rate, bandLabel: band });
    expect(result.rule).toContain('第五条');
  });
});

describe('固定金额 — 第六条', () => {
  it.each(['student', 'unemployed', 'lowIncome'] as const)('%s 党员每月 0.20 元，与基数无关', (memberType) => {
    for (const baseFen of [undefined, 0, 1_000_000]) {
      const result = computeMonthlyDues({ baseFen, memberType });
      expect(result).toMatchObject({ amountFen: 20, kind: 'fixed', rate: null });
      expect(result.rule).toContain('第六条');
    }
  });

  it('农民党员默认每月 0.20 元，法院可在 0.2–1 元内配置（[U]）', () => {
    expect(computeMonthlyDues({ memberType: 'farmer' }).amountFen).toBe(20);
    const config = mergeRuleConfig({ dues: { farmerFen: 50 } });
    const result = computeMonthlyDues({ memberType: 'farmer', config });
    expect(result.amountFen).toBe(50);
    expect(result.bandLabel).toContain('0.50元');
  });
});

describe('舍入（全国无统一规定 [U]，默认四舍五入到分）', () => {
  const withRounding = (mode: DuesConfig['rounding']['mode'], unit: DuesConfig['rounding']['unit']) =>
    mergeRuleConfig({ dues: { rounding: { mode, unit } } });

  it.each([
    ['3333.33', 'halfUp', 'fen', '33.33'],
    ['3333.33', 'halfUp', 'jiao', '33.30'],
    ['3333.33', 'down', 'fen', '33.33'],
    ['3333.33', 'up', 'fen', '33.34'],
    ['3333.33', 'up', 'jiao', '33.40'],
    ['3000.99', 'halfUp', 'fen', '30.01'], // 30.0099
    ['3000.99', 'down', 'fen', '30.00'],
    ['1000.01', 'halfUp', 'fen', '5.00'], // 5.00005: below half a 分
    ['1001', 'halfUp', 'fen', '5.01'], // 5.005: exactly half → up
    ['1001', 'down', 'fen', '5.00'],
    ['3350', 'halfUp', 'jiao', '33.50'], // 33.50 exact
    ['3345', 'halfUp', 'jiao', '33.50'], // 33.45 → half a 角 → up
    ['3344.99', 'halfUp', 'jiao', '33.40'],
    ['3344.99', 'down', 'jiao', '33.40'],
  ] as const)('基数 %s × 比例，%s 到 %s → %s', (base, mode, unit, amount) => {
    const baseFen = parseYuan(base);
    const memberType = 'inService';
    expect(formatYuan(computeMonthlyDues({ baseFen, memberType, config: withRounding(mode, unit) }).amountFen)).toBe(amount);
  });

  it('3333.33 × 1% 的精确值 33.3333 随结果给出', () => {
    expect(computeMonthlyDues({ baseFen: parseYuan('3333.33'), memberType: 'inService' }).exactYuan).toBe('33.3333');
  });

  it('默认配置为四舍五入到分', () => {
    expect(dues('3333.33', 'inService', defaultRuleConfig)).toBe('33.33');
    expect(roundDuesFen(50_000, defaultRuleConfig.dues.rounding)).toBe(5); // 5.0000 分
  });
});

describe('不可用的输入', () => {
  it.each([
    [{ memberType: 'inService' as const }, '在职、离退休党员需要工资基数'],
    [{ memberType: 'retired' as const, baseFen: -1 }, '工资基数应为0至1亿元的整数分'],
    [{ memberType: 'inService' as const, baseFen: 1.5 }, '工资基数应为0至1亿元的整数分'],
    [{ memberType: 'soldier' as DuesMemberType, baseFen: 100 }, '未知的党员类别：soldier'],
  ])('%j → %s', (input, message) => {
    expect(() => computeMonthlyDues(input)).toThrow(message);
  });
});

describe('性质', () => {
  const bands = [
    [0, 300_000],
    [300_001, 500_000],
    [500_001, 1_000_000],
    [1_000_001, 100_000_000],
  ] as const;

  it('同一档内，基数越高，党费不减（任一舍入方式）', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bands),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('halfUp', 'down', 'up') as fc.Arbitrary<DuesConfig['rounding']['mode']>,
        fc.constantFrom('fen', 'jiao') as fc.Arbitrary<DuesConfig['rounding']['unit']>,
        ([lo, hi], a, b, mode, unit) => {
          const x = lo + (a % (hi - lo + 1));
          const y = lo + (b % (hi - lo + 1));
          const [small, large] = x <= y ? [x, y] : [y, x];
          const config = mergeRuleConfig({ dues: { rounding: { mode, unit } } });
          const amount = (baseFen: number) => computeMonthlyDues({ baseFen, memberType: 'inService', config }).amountFen;
          return amount(small) <= amount(large);
        },
      ),
    );
  });

  it('舍入结果与精确值相差不到一个单位，且为整数分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.constantFrom(50, 100, 150, 200), fc.constantFrom('halfUp', 'down', 'up') as fc.Arbitrary<DuesConfig['rounding']['mode']>, fc.constantFrom('fen', 'jiao') as fc.Arbitrary<DuesConfig['rounding']['unit']>, (baseFen, bp, mode, unit) => {
        const numerator = baseFen * bp;
        const rounded = roundDuesFen(numerator, { mode, unit });
        const step = unit === 'jiao' ? 10 : 1;
        return Number.isInteger(rounded) && rounded % step === 0 && Math.abs(rounded * 10_000 - numerator) <= step * 10_000;
      }),
    );
  });
});
