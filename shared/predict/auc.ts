/**
 * The area under the ROC curve of a score for a yes/no outcome: how well the score ranks the
 * cases that turned out yes above those that did not (the backtest's measure of each prediction).
 */

/** Mann–Whitney AUC with average ranks for ties; null when either class is empty. */
export function auc(scores: readonly number[], positive: readonly boolean[]): number | null {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1] as number] === scores[order[i] as number]) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) {
      if (positive[order[k] as number]) {
        rankSum += rank;
        positives += 1;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
