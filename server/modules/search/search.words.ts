const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The words of a query: Chinese segmented by ICU (“刀具寿命提升” → 刀具 · 寿命 · 提升), Latin words and numbers kept whole,
 * punctuation and spaces dropped, each word once.
 */
export function queryWords(q: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(q.normalize('NFKC'))) {
    const w = s.segment.trim().toLowerCase();
    if (s.isWordLike && w && !out.includes(w)) out.push(w);
  }
  return out;
}

/** `%text%` for ILIKE with wildcards escaped. */
export function likeOf(s: string): string {
  return `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
