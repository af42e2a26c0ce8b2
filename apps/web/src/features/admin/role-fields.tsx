import { ROLES, type Role } from '../../lib/api/identity';
import { useCatalog } from '../../stores/catalog-store';

/** A role and the org it applies to ("every org" for null), as two selects. */
export function RoleFields({
  idPrefix,
  role,
  orgId,
  onChange,
}: {
  idPrefix: string;
  role: Role;
  orgId: string | null;
  onChange: (role: Role, orgId: string | null) => void;
}) {
  const orgs = useCatalog((s) => s.orgs);
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-role`}>Role</label>
        <select
          id={`${idPrefix}-role`}
          className="select"
          value={role}
          onChange={(e) => onChange(e.target.value as Role, e.target.value === 'admin' ? null : orgId)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_TEXT[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-org`}>On</label>
        <select
          id={`${idPrefix}-org`}
          className="select"
          value={orgId ?? ''}
          disabled={role === 'admin'}
          onChange={(e) => onChange(role, e.target.value || null)}
        >
          <option value="">Every org</option>
          {orgs?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** What each role may do, in a few words. */
export const ROLE_TEXT: Record<Role, string> = {
  admin: 'Admin: users, roles, everything',
  hr: 'HR: all compensation, edits',
  editor: 'Editor: edits scenarios and plans',
  viewer: 'Viewer: reads',
};
