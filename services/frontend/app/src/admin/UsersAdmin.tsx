import { useState } from "react";
import { useSearchParams } from "react-router";
import type { Role, UserProfile } from "../api/types";
import { PageTitle } from "../components/Layout";
import { useAsync } from "../components/useAsync";
import { formatDate } from "../format";
import { useSession } from "../services";
import { AdminTable } from "./AdminTable";
import { useAdminApi } from "./context";
import { OutcomeLine, useBusy, useOutcome } from "./Outcome";

/** Accounts: make or unmake an admin, disable or enable. user-service refuses either on the admin's own account. */
export function UsersAdmin() {
  const admin = useAdminApi();
  const session = useSession();
  const me = session.status === "signedIn" ? session.user.id : null;
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number.parseInt(params.get("page") ?? "0", 10) || 0);
  const [changed, setChanged] = useState<Record<string, UserProfile>>({});
  const { busy, start, end } = useBusy();
  const { outcome, done, failed, clear } = useOutcome();
  const users = useAsync(() => admin.users(page), [admin, page]);

  const change = async (user: UserProfile, work: () => Promise<UserProfile>, text: (u: UserProfile) => string) => {
    clear();
    start(user.id);
    try {
      const next = await work();
      setChanged((all) => ({ ...all, [next.id]: next }));
      done(text(next));
    } catch (error) {
      failed(error);
    } finally {
      end(user.id);
    }
  };
  const toggleAdmin = (user: UserProfile) => {
    const roles: Role[] = user.roles.includes("admin") ? ["customer"] : ["customer", "admin"];
    void change(user, () => admin.setRoles(user.id, roles), (u) =>
      u.roles.includes("admin") ? `${u.email} is now an administrator.` : `${u.email} is no longer an administrator.`,
    );
  };
  const toggleDisabled = (user: UserProfile) => {
    if (!user.disabled && !window.confirm(
        `Disable ${user.email}? They can no longer sign in or renew their session; a token already issued works until it expires (15 minutes by default).`,
      )) return;
    void change(user, () => admin.setDisabled(user.id, !user.disabled), (u) =>
      u.disabled ? `${u.email} is disabled.` : `${u.email} is enabled again.`,
    );
  };

  return (
    <>
      <PageTitle>Admin: users</PageTitle>
      <OutcomeLine outcome={outcome} />
      <AdminTable
        state={users}
        loading="Loading users…"
        caption="Accounts, newest first"
        columns={["Name", "Email", "Roles", "Status", "Registered", { hidden: "Actions" }]}
        page={page}
        onPage={(n) => setParams({ page: String(n) })}
        row={(listed) => {
          const user = changed[listed.id] ?? listed;
          const self = user.id === me;
          return (
            <tr key={user.id}>
              <th scope="row">
                {user.displayName}
                {self && <span className="muted sku">you</span>}
              </th>
              <td>{user.email}</td>
              <td>{user.roles.join(", ")}</td>
              <td>{user.disabled ? "Disabled" : "Active"}</td>
              <td>{formatDate(user.createdAt)}</td>
              <td>
                <div className="actions">
                  {!self && (
                    <>
                      <button type="button" disabled={busy.has(user.id)} onClick={() => toggleAdmin(user)}>
                        {user.roles.includes("admin") ? "Remove admin" : "Make admin"}
                        <span className="visually-hidden"> {user.email}</span>
                      </button>
                      <button type="button" disabled={busy.has(user.id)} onClick={() => toggleDisabled(user)}>
                        {user.disabled ? "Enable" : "Disable"}
                        <span className="visually-hidden"> {user.email}</span>
                      </button>
                    </>
                  )}
                </div>
              </td>
            </tr>
          );
        }}
      />
    </>
  );
}
