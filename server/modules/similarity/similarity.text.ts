/**
 * Chinese text → words for the similarity check and the tsvector('simple') search column.
 * Intl.Segmenter (full ICU in Node) splits running text into dictionary words; technical terms it does not
 * know come out as single characters (铸件 → 铸 / 件), so runs of single CJK characters are also joined into
 * adjacent pairs. Single characters and function words are dropped: they match everything.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const stopWords = new Set([
  '的',
  '了',
  '和',
  '与',
  '及',
  '或',
  '在',
  '对',
  '等',
  '是',
  '为',
  '以',
  '于',
  '中',
  '上',
  '下',
  '其',
  '将',
  '把',
  '被',
  '一种',
  '一个',
  '进行',
  '通过',
  '实现',
  '采用',
  '利用',
  '使用',
  '提高',
  '有效',
  '问题',
  '方面',
  '工作',
  '我们',
  '可以',
  '以及',
  '及其',
  '用于',
  '基于',
  '关于',
  '研究',
  '应用',
  '方法',
  '技术',
  '项目',
  '课题',
  '成果',
]);

const cjk = /^[\u3400-\u9fff]$/;

/** Distinct lower-cased words of `text` (order of first appearance). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (w: string) => {
    if (w.length < 2 || stopWords.has(w) || seen.has(w)) return;
    seen.add(w);
    out.push(w);
  };
  let run: string[] = [];
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) add(`${run[i]}${run[i + 1]}`);
    run = [];
  };
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (!s.isWordLike) {
      flush();
      continue;
    }
    if (cjk.test(s.segment)) {
      run.push(s.segment);
      continue;
    }
    flush();
    add(s.segment);
  }
  flush();
  return out;
}

/** The words of several fields joined by spaces: the input of to_tsvector('simple', …). */
export function searchDocumentOf(parts: readonly (string | null | undefined)[]): string {
  return wordsOf(parts.filter(Boolean).join('\n')).join(' ');
}
