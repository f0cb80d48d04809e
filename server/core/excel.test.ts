import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { genderLabels, orgKindLabels } from '../../common/enums.js';
import { buildWorkbook, cellEnum, cellInt, cellText, readSheet, toHalfWidth } from './excel.js';

describe('toHalfWidth', () => {
  it('folds full-width letters, digits, punctuation and the ideographic space', () => {
    expect(toHalfWidth('ＡＢｃ１２３．－（）　x')).toBe('ABc123.-() x');
    expect(toHalfWidth('张三')).toBe('张三');
  });
});

describe('cellText and cellInt', () => {
  it('trims text and turns blanks into null', () => {
    expect(cellText('  a ')).toBe('a');
    expect(cellText('   ')).toBeNull();
    expect(cellText(null)).toBeNull();
    expect(cellText(12)).toBe('12');
    expect(cellText(new Date('2021-05-01T00:00:00Z'))).toBe('2021-05-01');
  });
  it('reads whole numbers, with thousands separators, and flags anything else', () => {
    expect(cellInt(12)).toBe(12);
    expect(cellInt('1,200')).toBe(1200);
    expect(cellInt('1，200')).toBe(1200);
    expect(cellInt(null)).toBeNull();
    expect(cellInt('   ')).toBeNull();
    expect(cellInt('12.5')).toBeUndefined();
    expect(cellInt(12.5)).toBeUndefined();
    expect(cellInt('十二')).toBeUndefined();
  });
});

describe('cellEnum', () => {
  it('accepts the key, the Chinese label, the English label in any case, and slash-separated synonyms', () => {
    expect(cellEnum('male', genderLabels)).toBe('male');
    expect(cellEnum('男', genderLabels)).toBe('male');
    expect(cellEnum('FEMALE', genderLabels)).toBe('female');
    expect(cellEnum('分公司', orgKindLabels)).toBe('branch');
    expect(cellEnum('分厂', orgKindLabels)).toBe('branch');
  });
  it('gives null for a blank and undefined for an unknown value', () => {
    expect(cellEnum(null, genderLabels)).toBeNull();
    expect(cellEnum('未知', genderLabels)).toBeUndefined();
    expect(cellEnum(1, genderLabels)).toBeUndefined();
  });
});

describe('readSheet', () => {
  const columns = {
    code: { headers: ['编码', 'code'], required: true },
    name: { headers: ['名称', 'name'], required: true },
    count: { headers: ['人数'] },
  };

  it('finds the header below a title, in any order, folds widths, repeats merged values and skips blank rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['标题']);
    ws.mergeCells('A1:C1');
    ws.addRow(['人数', ' 名 称 （必填）', '＊编码：']);
    ws.addRow(['１２', '甲', 'Ａ１']);
    ws.addRow([]);
    ws.addRow([3, '乙', 'A2']);
    ws.addRow([4, null, 'A3']);
    ws.mergeCells('B5:B6');
    const { rows, headerRow } = await readSheet(Buffer.from(await wb.xlsx.writeBuffer()), columns);
    expect(headerRow).toBe(2);
    expect(rows).toEqual([
      { row: 3, values: { count: '12', name: '甲', code: 'A1' } },
      { row: 5, values: { count: 3, name: '乙', code: 'A2' } },
      { row: 6, values: { count: 4, name: '乙', code: 'A3' } },
    ]);
  });

  it('names only the required columns that are really missing', async () => {
    const buf = await buildWorkbook([{ name: 's', headers: ['名称', '人数'], rows: [['甲', 1]] }]);
    await expect(readSheet(buf, columns)).rejects.toMatchObject({
      code: 'imports.missing_columns',
      details: { columns: ['编码'] },
    });
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(readSheet(Buffer.from('PK\u0003\u0004garbage'), columns)).rejects.toMatchObject({
      code: 'imports.invalid_file',
    });
  });
});
