/**
 * The public entry of the campaigns feature: what other features and the app may use. Import
 * from here, never from a file inside the folder (eslint.config.js enforces it).
 */
export { CampaignScreen } from './CampaignScreen';
export { DeliveryTag } from './CampaignStatusTag';
export { CampaignsScreen } from './CampaignsScreen';
export { campaignDraft } from './campaign-draft-store';
export { CHANNEL_LABELS } from './campaign-model';
export { useOutboundMessages } from './use-campaign-data';
