import { CustomerDetailScreen } from '../features/customer-detail';
import { CustomersScreen } from '../features/customers';
import { DashboardScreen } from '../features/dashboard';
import { CampaignScreen } from '../features/campaigns';
import { CampaignsScreen } from '../features/campaigns';
import { HqScreen } from '../features/hq';
import { SegmentsScreen } from '../features/segments';
import { SettingsScreen } from '../features/settings';
import { TodayScreen } from '../features/today';
import { useCustomersLoaded } from '../data/hooks';
import { ReadingCustomers } from './ReadingCustomers';
import type { Route } from './router';

/** Screens usable before every customer is read (Today shows first at start-up). */
const EARLY: ReadonlySet<Route['name']> = new Set(['today', 'hq', 'not-found']);

/** The screen for a route. */
export function Screen({ route }: { route: Route }) {
  const loaded = useCustomersLoaded();
  if (!loaded && !EARLY.has(route.name)) return <ReadingCustomers />;
  switch (route.name) {
    case 'today':
      return <TodayScreen />;
    case 'customers':
      return <CustomersScreen />;
    case 'customer':
      return <CustomerDetailScreen key={route.id} id={route.id} />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'segments':
      return <SegmentsScreen />;
    case 'campaigns':
      return <CampaignsScreen />;
    case 'campaign':
      return <CampaignScreen key={route.id} id={route.id} />;
    case 'hq':
      return <HqScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'not-found':
      return (
        <div className="page">
          <div className="empty-state">
            <h1>Page not found</h1>
            <p>There is nothing at “{route.path}”.</p>
            <a className="btn" href="#/today">
              Go to Today
            </a>
          </div>
        </div>
      );
  }
}
