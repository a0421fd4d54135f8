import { type FormEvent, useId, useState } from 'react';
import { FilterOptions } from '../components/field.js';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { ListState } from '../components/states.js';
import { api, type ResponseBody, unwrap } from '../lib/api.js';
import { formatTime } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { usePaged } from '../lib/use-async.js';
import { definePage } from './page.js';

type UserRole = ResponseBody<'/v1/auth/me'>['role'];
type UserStatus = ResponseBody<'/v1/auth/me'>['status'];
export const ROLES: UserRole[] = ['user', 'admin', 'super_admin'];
export const STATUSES: UserStatus[] = ['active', 'disabled'];

interface Filters {
  email: string;
  role: UserRole | '';
  status: UserStatus | '';
}

function Users() {
  const [filters, setFilters] = useState<Filters>({ email: '', role: '', status: '' });
  const emailId = useId();
  const roleId = useId();
  const statusId = useId();
  const users = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/auth/users', {
          params: {
            query: {
              limit: 25,
              ...(cursor ? { cursor } : {}),
              ...(filters.email ? { email: filters.email } : {}),
              ...(filters.role ? { role: filters.role } : {}),
              ...(filters.status ? { status: filters.status } : {}),
            },
          },
        }),
      ),
    [filters.email, filters.role, filters.status],
  );

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFilters({
      email: String(form.get('email') ?? '').trim(),
      role: String(form.get('role') ?? '') as Filters['role'],
      status: String(form.get('status') ?? '') as Filters['status'],
    });
  }

  return (
    <>
      <PageHeading title="Users" />
      <form className="filters" onSubmit={search} aria-label="Search users">
        <div>
          <label htmlFor={emailId}>Email starts with</label>
          <input id={emailId} name="email" type="search" defaultValue={filters.email} />
        </div>
        <div>
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} name="role" defaultValue={filters.role}>
            <FilterOptions any="Any role" values={ROLES} />
          </select>
        </div>
        <div>
          <label htmlFor={statusId}>Status</label>
          <select id={statusId} name="status" defaultValue={filters.status}>
            <FilterOptions any="Any status" values={STATUSES} />
          </select>
        </div>
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      <ListState state={users} count={users.items.length} empty="No users match these filters.">
        <table className="table">
          <caption className="visually-hidden">Users, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {users.items.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/users/${user.id}`}>{user.email}</Link>
                  {user.emailVerified ? null : <span className="muted small"> (unverified)</span>}
                </td>
                <td>{user.name ?? '—'}</td>
                <td>{user.role}</td>
                <td>
                  <span className={`badge badge-${user.status === 'active' ? 'ok' : 'bad'}`}>
                    {user.status}
                  </span>
                </td>
                <td>{formatTime(user.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      <Pager
        label="Users"
        pageNumber={users.pageNumber}
        hasPrevious={users.hasPrevious}
        hasNext={users.hasNext}
        onPrevious={users.previous}
        onNext={users.next}
      />
    </>
  );
}

export const page = definePage({
  path: '/users',
  requires: '/v1/auth/users',
  title: 'Users',
  nav: { label: 'Users', order: 10 },
  component: Users,
});
