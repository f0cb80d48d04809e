import { describe, expect, it } from 'vitest';
import { headerInWan, parseAmountFen, parseChoice, parseLedgerDate, parseWhole } from './ledgers.parse.js';

describe('parseLedgerDate', () => {
  it('reads the ways people write dates in ledgers', () => {
    expect(parseLedgerDate('2023年5月')).toBe('2023-05-01');
    expect(parseLedgerDate('2023.05')).toBe('2023-05-01');
    expect(parseLedgerDate('2023.5.8')).toBe('2023-05-08');
    expect(parseLedgerDate('2023年5月8日')).toBe('2023-05-08');
    expect(parseLedgerDate('２０２３－０５－０８')).toBe('2023-05-08');
    expect(parseLedgerDate('2023/5/8')).toBe('2023-05-08');
    expect(parseLedgerDate('2023年')).toBe('2023-01-01');
    expect(parseLedgerDate(2021)).toBe('2021-01-01');
    expect(parseLedgerDate(new Date(Date.UTC(2022, 2, 3)))).toBe('2022-03-03');
    expect(parseLedgerDate(45000)).toBe('2023-03-15');
    expect(parseLedgerDate(null)).toBeNull();
  });
  it('refuses what is not a date', () => {
    expect(parseLedgerDate('2023.13')).toBeUndefined();
    expect(parseLedgerDate('2023-02-30')).toBeUndefined();
    expect(parseLedgerDate('去年')).toBeUndefined();
    expect(parseLedgerDate(12.5)).toBeUndefined();
  });
});

describe('parseAmountFen', () => {
  it('reads 元 and 万元 from the header or the cell', () => {
    expect(headerInWan('经济效益（万元）')).toBe(true);
    expect(parseAmountFen(12.5, true)).toBe(12_500_000);
    expect(parseAmountFen('１２.５', true)).toBe(12_500_000);
    expect(parseAmountFen('12.5万', false)).toBe(12_500_000);
    expect(parseAmountFen('¥1,234.56', false)).toBe(123_456);
    expect(parseAmountFen('300元', false)).toBe(30_000);
    expect(parseAmountFen(null, false)).toBeNull();
    expect(parseAmountFen('约十万', false)).toBeUndefined();
    expect(parseAmountFen(-1, false)).toBeUndefined();
  });
});

describe('parseWhole and parseChoice', () => {
  it('folds full-width digits and matches synonyms', () => {
    expect(parseWhole('１２')).toBe(12);
    expect(parseWhole('1.5')).toBeUndefined();
    const types = { modelWorker: ['劳模创新工作室', '劳模'], craftsman: ['工匠创新工作室', '工匠'] };
    expect(parseChoice('劳模', types)).toBe('modelWorker');
    expect(parseChoice(' 工匠创新工作室 ', types)).toBe('craftsman');
    expect(parseChoice('其他', types)).toBeUndefined();
  });
});
