import { useState } from 'react';
import type { MemberDoc } from '../../../shared/domain/schemas';
import { useCurrentBranch } from '../data/hooks';
import { now } from '../data/session';
import { checkPasscode, signIn, useMembers, useTeamStore } from '../data/team';
import { Brand } from '../ui/Brand';
import { Field } from '../ui/Field';
import { Modal, SubmitFooter } from '../ui/Modal';

const ROLE_LABEL: Record<MemberDoc['role'], string> = { front_desk: 'Front desk', manager: 'Manager' };

/** Who and passcode: one form for signing in and for a manager's approval. */
function PasscodeFields({ members, memberId, setMemberId, passcode, setPasscode, error, whoLabel }: {
  members: readonly MemberDoc[];
  memberId: string;
  setMemberId: (id: string) => void;
  passcode: string;
  setPasscode: (value: string) => void;
  error: string;
  whoLabel: string;
}) {
  return (
    <>
      <Field label={whoLabel}>
        {(control) => (
          <select {...control} value={memberId} onChange={(e) => setMemberId(e.target.value)}>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} — {ROLE_LABEL[m.role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Passcode" error={error}>
        {(control) => <input {...control} type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={passcode} onChange={(e) => setPasscode(e.target.value.replace(/\D/g, ''))} />}
      </Field>
    </>
  );
}

function usePasscodeForm(members: readonly MemberDoc[], onRight: (member: MemberDoc) => void) {
  const [memberId, setMemberId] = useState(members[0]?.id ?? '');
  const [passcode, setPasscode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    const member = members.find((m) => m.id === memberId);
    if (member === undefined) return setError('Choose who you are.');
    if (passcode === '') return setError('Type the passcode.');
    setBusy(true);
    const problem = await checkPasscode(member, passcode, now());
    setBusy(false);
    setPasscode('');
    if (problem === null) onRight(member);
    else setError(problem);
  };
  return { memberId, setMemberId, passcode, setPasscode, error, busy, submit };
}

/** The desk's sign-in once the branch has team members (docs/DESIGN.md §14). */
export function TeamSignIn({ members }: { members: readonly MemberDoc[] }) {
  const branch = useCurrentBranch();
  const active = members.filter((m) => m.active);
  const form = usePasscodeForm(active, signIn);
  return (
    <div className="welcome sign-in">
      <main className="sign-in-card" aria-labelledby="sign-in-title">
        <Brand />
        <h1 id="sign-in-title">Sign in to {branch?.name ?? 'the desk'}</h1>
        <p className="sign-in-help">Pick your name and type your passcode. A manager sets passcodes in Settings → Team.</p>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void form.submit();
          }}
        >
          <PasscodeFields members={active} whoLabel="Who are you?" {...form} />
          <button type="submit" className="btn btn-primary" disabled={form.busy}>
            {form.busy ? 'Checking…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  );
}

/** The dialog answering a pending request for a manager's passcode (`askManager`). */
export function ManagerPasscodeDialog() {
  const request = useTeamStore((s) => s.request);
  const branch = useCurrentBranch();
  const members = useMembers(branch?.id ?? '') ?? [];
  if (request === null) return null;
  return <ManagerPrompt key={`${request.action}`} reason={request.reason} managers={members.filter((m) => m.active && m.role === 'manager')} answer={request.answer} />;
}

function ManagerPrompt({ reason, managers, answer }: { reason: string; managers: MemberDoc[]; answer: (approver: MemberDoc | null) => void }) {
  const form = usePasscodeForm(managers, answer);
  return (
    <Modal title="Manager's passcode" description={reason} onClose={() => answer(null)} onSubmit={() => void form.submit()} footer={<SubmitFooter onCancel={() => answer(null)} submitLabel="Approve" busy={form.busy} />}>
      {managers.length === 0 ? <p className="empty-state">This branch has no active manager: add one in Settings → Team.</p> : <PasscodeFields members={managers} whoLabel="Manager" {...form} />}
    </Modal>
  );
}
