import { Icon, type IconName } from '../ui/Icon';
import { Brand } from '../ui/Brand';
import { activeRole, useSyncStore } from '../sync/sync-store';
import { routeHref, useRoute, type Route } from './router';

interface NavItem {
  label: string;
  icon: IconName;
  route: Route;
  /** Route names that highlight this item. */
  matches: Route['name'][];
}

/** Front-desk navigation (the manager's Segments and Campaigns included). */
export const NAV_ITEMS: NavItem[] = [
  { label: 'Today', icon: 'today', route: { name: 'today' }, matches: ['today'] },
  { label: 'Customers', icon: 'customers', route: { name: 'customers' }, matches: ['customers', 'customer'] },
  { label: 'Dashboard', icon: 'dashboard', route: { name: 'dashboard' }, matches: ['dashboard'] },
  { label: 'Segments', icon: 'segments', route: { name: 'segments' }, matches: ['segments'] },
  { label: 'Campaigns', icon: 'campaigns', route: { name: 'campaigns' }, matches: ['campaigns', 'campaign'] },
];

/** A branch manager's desk also shows the server's report for its branch. */
const REPORT_ITEM: NavItem = { label: 'Server report', icon: 'hq', route: { name: 'hq' }, matches: ['hq'] };

export const NAV_FOOTER_ITEMS: NavItem[] = [{ label: 'Settings', icon: 'settings', route: { name: 'settings' }, matches: ['settings'] }];

function NavLink({ item, current }: { item: NavItem; current: Route['name'] }) {
  return (
    <li>
      <a className="nav-link" href={routeHref(item.route)} aria-current={item.matches.includes(current) ? 'page' : undefined}>
        <Icon name={item.icon} className="nav-icon" />
        {item.label}
      </a>
    </li>
  );
}

export function SideNav() {
  const current = useRoute((s) => s.route.name);
  const manager = useSyncStore((s) => activeRole(s) === 'manager');
  const items = manager ? [...NAV_ITEMS, REPORT_ITEM] : NAV_ITEMS;
  return (
    <nav className="sidenav" aria-label="Main">
      <Brand />
      <ul className="nav-list">
        {items.map((item) => (
          <NavLink key={item.label} item={item} current={current} />
        ))}
      </ul>
      <ul className="nav-list nav-bottom">
        {NAV_FOOTER_ITEMS.map((item) => (
          <NavLink key={item.label} item={item} current={current} />
        ))}
      </ul>
      <p className="nav-footer">Offline-first · data stays on this desk</p>
    </nav>
  );
}
