import { useState } from 'react';
import { AUDIT_ACTIONS, type AuditAction, type MemberDoc, type MemberRole } from '../../../../shared/domain/schemas';
import { hashPasscode, passcodeProblem } from '../../../../shared/team/passcode';
import { useCurrentBranch, useDesk, useToday } from '../../data/hooks';
import { saveMenuDoc } from '../../data/menu';
import { now } from '../../data/session';
import { newMemberId, useAuditTrail, useMembers } from '../../data/team';
import { useDeskPermission } from '../../sync/permissions';
import { Field } from '../../ui/Field';
import { Modal, SubmitFooter } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { PeopleSettingsList } from './PeopleSettingsList';

const ROLE_LABEL: Record<MemberRole, string> = { front_desk: 'Front desk', manager: 'Manager' };

interface MemberForm {
  name: string;
  role: MemberRole;
  active: boolean;
  passcode: string;
  confirm: string;
}

/** What is wrong with the form, per field (a new member needs a passcode; the first one must be a manager). */
function memberFormProblems(form: MemberForm, isNew: boolean, firstMember: boolean): Partial<Record<keyof MemberForm, string>> {
  const problems: Partial<Record<keyof MemberForm, string>> = {};
  if (form.name.trim() === '') problems.name = 'Type a name.';
  if (firstMember && form.role !== 'manager') problems.role = 'The first member must be a manager, so someone can always open Settings.';
  if (isNew || form.passcode !== '') {
    const problem = passcodeProblem(form.passcode);
    if (problem !== '') problems.passcode = problem;
    else if (form.confirm !== form.passcode) problems.confirm = 'The two passcodes differ.';
  }
  return problems;
}

function MemberDialog({ member, members, onClose }: { member: MemberDoc | null; members: readonly MemberDoc[]; onClose: () => void }) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const firstMember = !members.some((m) => m.active && m.id !== member?.id);
  const [form, setForm] = useState<MemberForm>({ name: member?.name ?? '', role: member?.role ?? (firstMember ? 'manager' : 'front_desk'), active: member?.active ?? true, passcode: '', confirm: '' });
  const [shown, setShown] = useState<Partial<Record<keyof MemberForm, string>>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof MemberForm>(key: K, value: MemberForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async (): Promise<void> => {
    const problems = memberFormProblems(form, member === null, firstMember && form.active);
    setShown(problems);
    if (Object.keys(problems).length > 0 || branch === undefined) return;
    setBusy(true);
    try {
      const passcode = form.passcode === '' && member !== null ? member.passcode : await hashPasscode(form.passcode);
      const base: MemberDoc = member ?? { id: newMemberId(), branch_id: branch.id, name: '', role: form.role, active: true, passcode, created_at: '', updated_at: '' };
      await saveMenuDoc(desk.db, 'members', member, { ...base, name: form.name.trim(), role: form.role, active: form.active, passcode }, now());
      toast.success(member === null ? `${form.name.trim()} added to the team` : `${form.name.trim()} saved`);
      onClose();
    } catch (error) {
      toast.error(errorMessage(error));
      setBusy(false);
    }
  };
  return (
    <Modal title={member === null ? 'Add team member' : `Edit ${member.name}`} onClose={onClose} onSubmit={() => void submit()} footer={<SubmitFooter onCancel={onClose} submitLabel={member === null ? 'Add member' : 'Save'} busy={busy} />}>
      <Field label="Name" error={shown.name}>
        {(control) => <input {...control} value={form.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field label="Role" error={shown.role}>
        {(control) => (
          <select {...control} value={form.role} onChange={(e) => set('role', e.target.value as MemberRole)}>
            <option value="front_desk">Front desk</option>
            <option value="manager">Manager</option>
          </select>
        )}
      </Field>
      <Field label={member === null ? 'Passcode' : 'New passcode'} optional={member !== null} error={shown.passcode} hint="4 to 8 digits. Only a slow hash of it is stored and synced.">
        {(control) => <input {...control} type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={form.passcode} onChange={(e) => set('passcode', e.target.value.replace(/\D/g, ''))} />}
      </Field>
      <Field label="Repeat the passcode" optional={member !== null} error={shown.confirm}>
        {(control) => <input {...control} type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={form.confirm} onChange={(e) => set('confirm', e.target.value.replace(/\D/g, ''))} />}
      </Field>
      {member !== null && (
        <label className="checkbox">
          <input type="checkbox" checked={form.active} onChange={(e) => set('active', e.target.checked)} /> Active (can sign in)
        </label>
      )}
    </Modal>
  );
}

/** Team members who sign in at the desk with a passcode (synced `members`; docs/DESIGN.md §14). */
export function TeamSection() {
  const branch = useCurrentBranch();
  const members = useMembers(branch?.id ?? '');
  const permission = useDeskPermission('change_team');
  const [editing, setEditing] = useState<MemberDoc | 'new' | null>(null);
  if (branch === undefined) return null;
  return (
    <section className="card settings-section" aria-labelledby="team-title">
      <header>
        <h2 id="team-title">Team</h2>
        <p>Who signs in at this desk, with a short passcode. Managers approve corrections, erasing, exports, campaigns and Settings.</p>
      </header>
      {!permission.allowed && (
        <p className="notice notice-info" role="note">
          {permission.reason}
        </p>
      )}
      <PeopleSettingsList
        people={members}
        label="Team members"
        empty={`No team members yet: anyone at this desk can use it, and nothing asks for a passcode. ${permission.allowed ? 'Add a manager first; the desk then opens on a sign-in screen.' : 'A manager adds them.'}`}
        details={(m) => (
          <>
            <span className="muted"> · {ROLE_LABEL[m.role]}</span>
            {!m.active && <span className="muted"> · cannot sign in</span>}
          </>
        )}
        permission={permission}
        addLabel="Add team member…"
        onEdit={setEditing}
      />
      {editing !== null && members !== null && <MemberDialog member={editing === 'new' ? null : editing} members={members} onClose={() => setEditing(null)} />}
    </section>
  );
}

const ACTION_LABEL: Record<AuditAction, string> = { check_in: 'Checked in', complete: 'Completed', no_show: 'No-show', cancel: 'Cancelled', correct: 'Corrected', erase: 'Erased' };

/** Who did what, newest first, filterable by member and action (synced `audit_events`). */
export function ActivityLogSection() {
  const branch = useCurrentBranch();
  const events = useAuditTrail(branch?.id ?? '');
  const { timeZone } = useToday();
  // in the branch's zone, like every time the desk shows
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const [who, setWho] = useState('');
  const [action, setAction] = useState<AuditAction | ''>('');
  if (branch === undefined) return null;
  const people = [...new Map((events ?? []).map((e) => [e.member_id, e.member_name])).entries()];
  const shown = (events ?? []).filter((e) => (who === '' || e.member_id === who) && (action === '' || e.action === action)).slice(0, 200);
  return (
    <section className="card settings-section" aria-labelledby="activity-title">
      <header>
        <h2 id="activity-title">Activity log</h2>
        <p>Who checked in, completed, corrected or erased what, and when. Kept for every desk of the branch; nobody can change it.</p>
      </header>
      <div className="activity-filters">
        <Field label="Member">
          {(control) => (
            <select {...control} value={who} onChange={(e) => setWho(e.target.value)}>
              <option value="">Everyone</option>
              {people.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Action">
          {(control) => (
            <select {...control} value={action} onChange={(e) => setAction(e.target.value as AuditAction | '')}>
              <option value="">All actions</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {ACTION_LABEL[a]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {events === null ? (
        <p className="muted">Loading…</p>
      ) : shown.length === 0 ? (
        <p className="empty-state">{events.length === 0 ? 'Nothing recorded yet. Once the team signs in, check-ins, completions, corrections and erasures appear here.' : 'Nothing matches these filters.'}</p>
      ) : (
        <table className="activity-log" aria-label="Activity log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id}>
                <td>{when.format(new Date(e.at))}</td>
                <td>
                  {e.member_name}
                  {e.approved_by_name !== '' && <span className="muted"> (approved by {e.approved_by_name})</span>}
                </td>
                <td>{ACTION_LABEL[e.action]}</td>
                <td>{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
