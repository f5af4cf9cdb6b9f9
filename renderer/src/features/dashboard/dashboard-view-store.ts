import { create } from 'zustand';

/** The dashboard's chosen branch (kept across navigation): `undefined` = this desk's branch, `null` = all branches. */
export const useDashboardView = create<{ scope: string | null | undefined }>(() => ({ scope: undefined }));

export function setDashboardScope(scope: string | null | undefined): void {
  useDashboardView.setState({ scope });
}
