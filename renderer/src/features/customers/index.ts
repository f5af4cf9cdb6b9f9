/**
 * The public entry of the customers feature: what other features and the app may use. Import
 * from here, never from a file inside the folder (eslint.config.js enforces it).
 */
export { CustomerForm } from './CustomerForm';
export { CustomersScreen } from './CustomersScreen';
export { exportFileName, spreadsheetSafe } from './customer-csv';
export { prefillFromQuery } from './customer-form-model';
export type { CustomerFormValues } from './customer-form-model';
export { tagCounts } from './customer-rows';
export { currentCriteria, customersView, useCustomersView } from './customers-view-store';
export { dayCount, displayName, shortDate } from './display';
export { exportCustomers } from './export-customers';
export { parseFilterInputs } from './filter-inputs';
export { overlapNotice } from './overlap-text';
