import { formatPrice } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { describeCriteria } from '../segments';
import { customersView, type AppliedSegment } from './customers-view-store';

/** The saved segment applied to the list, with the criteria the filter panel cannot show. */
export function SegmentChip({ segment }: { segment: AppliedSegment }) {
  const extra = segment.extra === null ? [] : describeCriteria(segment.extra, formatPrice);
  return (
    <span className="segment-chip" data-testid="applied-segment">
      <Icon name="segments" size={14} />
      <span>
        Segment <strong>{segment.name}</strong>
        {extra.length > 0 && <span className="segment-chip-extra"> · {extra.join(' · ')}</span>}
      </span>
      {segment.extra !== null && (
        <button type="button" className="segment-chip-remove" aria-label={`Remove the segment's other filters (${extra.join(', ')})`} onClick={customersView.removeSegment}>
          <Icon name="close" size={12} />
        </button>
      )}
    </span>
  );
}
