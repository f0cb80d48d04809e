import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every UI text must exist in both languages. zh.ts/en.ts are checked by i18n.test.ts; this test reads every
 * .ts/.tsx file of the web app and fails on a Chinese literal that has no English beside it. A Chinese text
 * is paired when it is
 * - the `zh` of an object that also has a non-empty English `en` (`{ zh: '名称', en: 'Name' }`, texts.ts files),
 * - the first argument of `L('中文', 'English')`,
 * - one branch of a conditional whose other branch is English (`zh ? '导入' : 'Import'`).
 * Anything else — a JSX text, a placeholder="…", a bare '…' — bypasses the language switch.
 */
const webSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Chinese characters (full-width punctuation alone, e.g. '（' or '：', is left alone: it carries no words)
const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
const latin = /[A-Za-z]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    if (!/\.tsx?$/.test(e.name) || /\.test\.tsx?$/.test(e.name)) return [];
    // the dictionaries themselves (zh.ts is all Chinese by design; parity is i18n.test.ts's job)
    if (/shared[\\/]i18n[\\/](zh|en)\.ts$/.test(p)) return [];
    return [p];
  });
}

/** The text of a string-like node (templates with their literal parts only). */
function textOf(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join('');
  if (ts.isParenthesizedExpression(node)) return textOf(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return `${textOf(node.left) ?? ''}${textOf(node.right) ?? ''}`;
  return null;
}

/** An English side: non-empty, and words (Latin letters) or symbols only ('¥', 'm²'); an array of such texts. */
const isEnglish = (node: ts.Node | undefined): boolean => {
  if (node && ts.isArrayLiteralExpression(node)) return node.elements.some((e) => isEnglish(e));
  const t = textOf(node);
  return t !== null && t.trim() !== '' && (latin.test(t) || !cjk.test(t));
};

/** The expression a literal stands for: climbs through parentheses, `+` and templates. */
function outermost(node: ts.Node): ts.Node {
  let n = node;
  while (
    n.parent &&
    (ts.isParenthesizedExpression(n.parent) ||
      ts.isArrayLiteralExpression(n.parent) ||
      (ts.isElementAccessExpression(n.parent) && n.parent.expression === n) ||
      ts.isNonNullExpression(n.parent) ||
      ts.isTemplateSpan(n.parent) ||
      ts.isTemplateExpression(n.parent) ||
      (ts.isBinaryExpression(n.parent) && n.parent.operatorToken.kind === ts.SyntaxKind.PlusToken))
  )
    n = n.parent;
  return n;
}

/** Whether a Chinese literal has its English pair (see the file comment). */
function paired(node: ts.Node): boolean {
  const n = outermost(node);
  const parent = n.parent;
  if (!parent) return false;
  if (ts.isPropertyAssignment(parent) && parent.initializer === n) {
    const name = parent.name.getText();
    // an English text may quote a Chinese term: 'Public notices (公示)'
    if (name === 'en') return isEnglish(n);
    if (name === 'zh' && ts.isObjectLiteralExpression(parent.parent)) {
      const en = parent.parent.properties.find(
        (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'en',
      );
      // `en: labels[s].en` is an English text taken from a label map; `en: ['item', 'items']` a plural pair
      return (
        isEnglish(en?.initializer) ||
        /\.en$/.test(en?.initializer.getText() ?? '') ||
        (!!en && ts.isArrayLiteralExpression(en.initializer))
      );
    }
    return false;
  }
  // L('中文', 'English') and helpers of the same shape (`u('人', 'people')`)
  if (ts.isCallExpression(parent) && parent.arguments[0] === n) return isEnglish(parent.arguments[1]);
  // a data value compared, not shown: `f.unit === '元'`
  if (
    ts.isBinaryExpression(parent) &&
    [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(
      parent.operatorToken.kind,
    )
  )
    return true;
  if (ts.isConditionalExpression(parent)) {
    const other = parent.whenTrue === n ? parent.whenFalse : parent.whenTrue;
    // `lang === 'zh' ? '项' : ''`: a unit English does without
    if (/\b(zh|lang|en)\b/.test(parent.condition.getText()) && textOf(other) === '') return true;
    // the Chinese side with an English other side, or the English side (quoting a term) of a Chinese one
    return isEnglish(other) || (isEnglish(n) && cjk.test(textOf(other) ?? ''));
  }
  // a Chinese part of a branch that is itself paired (`zh ? `表头在第 ${n} 行` : …`)
  if (ts.isTemplateSpan(parent) || ts.isJsxExpression(parent)) return false;
  return false;
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

function scan(file: string): { unpaired: Finding[]; badL: Finding[] } {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const unpaired: Finding[] = [];
  const badL: Finding[] = [];
  const at = (node: ts.Node, text: string): Finding => ({
    file: path.relative(webSrc, file),
    line: src.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    text: text.trim().slice(0, 60),
  });
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.getText() === 'L') {
      const [zh, en] = node.arguments;
      const zt = textOf(zh);
      if (node.arguments.length !== 2 || !zt?.trim() || !isEnglish(en)) badL.push(at(node, node.getText()));
    }
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node);
    if (literal && cjk.test(node.text)) {
      // a part of a template is judged with its whole template
      const whole =
        ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
          ? (ts.findAncestor(node, ts.isTemplateExpression) ?? node)
          : node;
      // inside a Chinese branch that is paired as a whole (e.g. a template inside `zh ? … : …`)
      const pairedAncestor = ts.findAncestor(whole, (a) => a !== whole && paired(a) && !!textOf(a));
      if (
        !paired(whole) &&
        !pairedAncestor &&
        !ts.isImportDeclaration(node.parent) &&
        !ts.isExportDeclaration(node.parent)
      )
        unpaired.push(at(node, node.text));
    }
    if (ts.isJsxText(node) && cjk.test(node.text)) unpaired.push(at(node, node.text));
    ts.forEachChild(node, visit);
  };
  visit(src);
  return { unpaired, badL };
}

describe('UI texts in both languages', () => {
  const files = sourceFiles(webSrc);
  const results = files.map(scan);

  it('reads the whole web app', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.endsWith('routes.tsx'))).toBe(true);
  });

  it('has no Chinese literal without its English (JSX text, attributes, bare strings)', () => {
    const found = results.flatMap((r) => r.unpaired).map((f) => `${f.file}:${f.line} ${f.text}`);
    expect(found).toEqual([]);
  });

  it('gives every L() a Chinese and an English text', () => {
    const found = results.flatMap((r) => r.badL).map((f) => `${f.file}:${f.line} ${f.text}`);
    expect(found).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const probe = path.join(fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'jx-i18n-')), 'Probe.tsx');
    fs.writeFileSync(
      probe,
      [
        "const a = L('名称', 'Name');",
        "const b = L('名称', '');",
        "const c = { zh: '导出', en: 'Export' };",
        "const d = { zh: '导出' };",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a probe file
        'const e = zh ? `第 ${n} 行` : `row ${n}`;',
        'const f = <Input placeholder="请输入" />;',
        'const g = <span>硬编码</span>;',
        "const h = '裸字符串';",
      ].join('\n'),
    );
    const r = scan(probe);
    expect(r.badL.map((x) => x.line)).toEqual([2]);
    expect(r.unpaired.map((x) => x.line)).toEqual([2, 4, 6, 7, 8]);
  });
});
