import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, ReportModel } from './report.model.js';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

function cell(text: string, bold = false) {
  return new TableCell({
    borders: { top: border, bottom: border, left: border, right: border },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text, bold, font: FONT, size: 21 })],
      }),
    ],
  });
}

function blocks(b: Block): (Paragraph | Table)[] {
  if (b.kind === 'paragraph')
    return [
      new Paragraph({
        indent: { firstLine: 480 },
        spacing: { line: 360 },
        children: [new TextRun({ text: b.text, font: FONT, size: 24 })],
      }),
    ];
  if (b.kind === 'bullets')
    return b.items.map(
      (t) =>
        new Paragraph({
          bullet: { level: 0 },
          spacing: { line: 340 },
          children: [new TextRun({ text: t, font: FONT, size: 24 })],
        }),
    );
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200, after: 100 },
      children: [new TextRun({ text: b.caption, bold: true, font: FONT, size: 22 })],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: b.headers.map((h) => cell(h, true)) }),
        ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
      ],
    }),
  ];
}

/** Renders the report as an editable Word document (.docx): headings, body text, bullet lists and ruled tables. */
export async function renderDocx(model: ReportModel): Promise<Buffer> {
  const doc = new Document({
    creator: 'Jiangxin',
    title: model.title,
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: model.title, bold: true, font: FONT, size: 36 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [new TextRun({ text: model.subtitle, font: FONT, size: 20, color: '666666' })],
          }),
          ...model.sections.flatMap((s) => [
            new Paragraph({
              heading: HeadingLevel.HEADING_1,
              spacing: { before: 300, after: 120 },
              children: [new TextRun({ text: s.heading, bold: true, font: FONT, size: 28 })],
            }),
            ...s.blocks.flatMap(blocks),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
