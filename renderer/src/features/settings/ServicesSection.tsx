import { useState } from 'react';
import type { ServiceDoc } from '../../../../shared/domain/schemas';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { newServiceId, saveMenuDoc, useServices } from '../../data/menu';
import { now } from '../../data/session';
import { formatDuration, formatPrice } from '../../lib/format';
import { useDeskPermission } from '../../sync/permissions';
import { Field } from '../../ui/Field';
import { Modal, SubmitFooter } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { formOfService, serviceOfForm, type ServiceErrors, type ServiceForm } from './menu-model';

/** "25.00" or "25.00–35.00". */
export function priceLabel(s: Pick<ServiceDoc, 'price' | 'price_max'>): string {
  return s.price_max === null ? formatPrice(s.price) : `${formatPrice(s.price)}–${formatPrice(s.price_max)}`;
}

function ServiceDialog({ service, menu, onClose }: { service: ServiceDoc | null; menu: readonly ServiceDoc[]; onClose: () => void }) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const [form, setForm] = useState<ServiceForm>(() => formOfService(service));
  const [errors, setErrors] = useState<ServiceErrors>({});
  const [busy, setBusy] = useState(false);
  if (branch === undefined) return null;
  const base: ServiceDoc = service ?? { id: newServiceId(), branch_id: branch.id, name: '', category: '', duration_min: 30, price: 0, price_max: null, active: true, created_at: '', updated_at: '' };
  const set = (change: Partial<ServiceForm>): void => {
    setForm((f) => ({ ...f, ...change }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(change).map((k) => [k, undefined])) }));
  };
  const submit = async (): Promise<void> => {
    const result = serviceOfForm(form, base, menu);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setBusy(true);
    try {
      await saveMenuDoc(desk.db, 'services', service, result.doc, now());
      toast.success(service === null ? `${result.doc.name} added to the menu` : `${result.doc.name} saved`);
      onClose();
    } catch (error) {
      toast.error(`Not saved: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };
  const categories = [...new Set(menu.map((s) => s.category).filter((c) => c !== ''))];
  return (
    <Modal
      title={service === null ? 'New service' : `Edit ${service.name}`}
      description="Bookings of this service get its duration and price; the price can still be changed on a booking."
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={<SubmitFooter onCancel={onClose} busy={busy} submitLabel="Save service" />}
    >
      <div className="form-grid">
        <Field label="Service name" error={errors.name}>
          {(p) => <input {...p} className="input" autoComplete="off" value={form.name} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <Field label="Category" optional error={errors.category} hint="Groups the menu, e.g. Hair, Beard, Colour">
          {(p) => (
            <>
              <input {...p} className="input" list="service-categories" autoComplete="off" value={form.category} onChange={(e) => set({ category: e.target.value })} />
              <datalist id="service-categories">
                {categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Duration (minutes)" error={errors.duration}>
          {(p) => <input {...p} className="input" inputMode="numeric" value={form.duration} onChange={(e) => set({ duration: e.target.value })} />}
        </Field>
        <Field label="Price" error={errors.price} hint="The price a booking gets by default">
          {(p) => <input {...p} className="input" inputMode="decimal" value={form.price} onChange={(e) => set({ price: e.target.value })} />}
        </Field>
        <Field label="Price up to" optional error={errors.priceMax} hint="For a range (“from … to …”); empty for a fixed price">
          {(p) => <input {...p} className="input" inputMode="decimal" value={form.priceMax} onChange={(e) => set({ priceMax: e.target.value })} />}
        </Field>
        <label className="switch">
          <input type="checkbox" role="switch" className="switch-input" checked={form.active} onChange={(e) => set({ active: e.target.checked })} />
          <span>
            <strong>Offered for new bookings</strong>
            <span className="auto-detail">Off: retired — kept for past bookings, not offered any more</span>
          </span>
        </label>
      </div>
    </Modal>
  );
}

/**
 * The branch's service menu (synced `services`): category, name, duration, price or range,
 * active or retired. On a paired desk only a manager changes it; every desk of the branch books from it.
 */
export function ServicesSection() {
  const branch = useCurrentBranch();
  const services = useServices(branch?.id ?? '');
  const permission = useDeskPermission('change_services');
  const [editing, setEditing] = useState<ServiceDoc | 'new' | null>(null);
  if (branch === undefined) return null;
  return (
    <section className="card settings-section" aria-labelledby="services-title">
      <header>
        <h2 id="services-title">Service menu</h2>
        <p>What this branch offers. A booking picks a service and gets its duration and price.</p>
      </header>
      {!permission.allowed && (
        <p className="notice notice-info" role="note">
          {permission.reason}
        </p>
      )}
      {services === null ? (
        <p className="muted">Loading…</p>
      ) : services.length === 0 ? (
        <p className="empty-state">No services yet. {permission.allowed ? 'Add the first one: bookings will then pick from the menu.' : 'A manager adds them; until then bookings type the service.'}</p>
      ) : (
        <table className="table menu-table" aria-label="Services">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Category</th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id} className={s.active ? '' : 'retired'}>
                <th scope="row">
                  {s.name}
                  {!s.active && <span className="badge badge-muted"> Retired</span>}
                </th>
                <td>{s.category || <span className="muted">—</span>}</td>
                <td className="num">{formatDuration(s.duration_min)}</td>
                <td className="num">{priceLabel(s)}</td>
                <td>
                  {permission.allowed && (
                    <button type="button" className="btn btn-small" aria-label={`Edit ${s.name}`} onClick={() => setEditing(s)}>
                      Edit
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {permission.allowed && (
        <div>
          <button type="button" className="btn" onClick={() => setEditing('new')}>
            Add service…
          </button>
        </div>
      )}
      {editing !== null && services !== null && <ServiceDialog service={editing === 'new' ? null : editing} menu={services} onClose={() => setEditing(null)} />}
    </section>
  );
}
