import type { CampaignVariant } from '../../../../shared/domain/schemas';
import type { CommunicationChannel } from '../../../../shared/domain/types';
import { CAMPAIGN_PLACEHOLDERS } from '../../../../shared/domain/template';
import { Field } from '../../ui/Field';
import { smsLength, smsLengthText } from './sms-length';

/** One message variant: its template, its problems (unknown placeholders), and a live preview. */
export function VariantEditor({
  variant,
  index,
  error,
  preview,
  sampleName,
  groupSize,
  channel,
  canRemove,
  onChange,
  onRemove,
}: {
  variant: CampaignVariant;
  index: number;
  error: string | undefined;
  preview: string;
  sampleName: string | null;
  groupSize: number | undefined;
  channel: CommunicationChannel;
  canRemove: boolean;
  onChange: (message: string) => void;
  onRemove: () => void;
}) {
  return (
    <div className="cmp-variant" aria-label={`Variant ${variant.key}`} role="group">
      <div className="cmp-variant-head">
        <span className="cmp-variant-key">Variant {variant.key}</span>
        {groupSize !== undefined && (
          <span className="muted nums">
            {groupSize.toLocaleString('en')} {groupSize === 1 ? 'recipient' : 'recipients'}
          </span>
        )}
        {canRemove && (
          <button type="button" className="btn btn-ghost btn-small" onClick={onRemove}>
            Remove
          </button>
        )}
      </div>
      <Field label={`Message ${variant.key}`} error={error} hint={index === 0 ? `Placeholders: ${CAMPAIGN_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}` : undefined}>
        {(p) => <textarea {...p} name={`variants.${index}.message`} className="textarea cmp-message" value={variant.message} onChange={(e) => onChange(e.target.value)} />}
      </Field>
      <div className="cmp-preview" aria-label={`Preview of variant ${variant.key}`} role="note">
        <span className="cmp-preview-label">{sampleName === null ? 'Preview' : `Preview for ${sampleName}`}</span>
        {error !== undefined ? (
          <p className="cmp-preview-blocked">Fix the message to see the preview.</p>
        ) : (
          <p className="cmp-preview-text" data-testid={`preview-${variant.key}`}>
            {preview}
          </p>
        )}
        {channel === 'sms' && error === undefined && (
          <p className="cmp-sms-length muted nums" aria-live="polite" aria-label={`SMS length of variant ${variant.key}`}>
            {smsLengthText(smsLength(preview))}
            {sampleName !== null ? ` for ${sampleName}; names and dates change it per customer` : ''}
          </p>
        )}
      </div>
    </div>
  );
}
