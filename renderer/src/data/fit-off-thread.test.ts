import { describe, expect, it } from 'vitest';
import { visitHistories, type VisitFact } from '../../../shared/predict/history';
import { fitRetentionModel } from '../../../shared/predict/model';
import { fitOffThread } from './fit-off-thread';

describe('the desk fit off the main thread', () => {
  it('without Web Workers (Node) fits here, with the same shared code and outcome', async () => {
    const facts: VisitFact[] = [];
    // 40 customers, each with 1–6 visits at varied gaps: enough repeats to fit.
    for (let c = 0; c < 40; c += 1) {
      for (let v = 0; v <= c % 6; v += 1) facts.push({ customer_id: `cu-${c}`, branch_id: 'br-1', status: 'completed', price: 1_500 + 100 * ((c * 7 + v) % 9), day: 20_000 + c + v * (5 + (c % 11)) });
    }
    const day = 20_200;
    const histories = visitHistories(facts, day);
    const result = await fitOffThread(histories, day);
    expect(result.where).toBe('main');
    expect(result.outcome).toEqual(fitRetentionModel(histories, day));
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });
});
