import type { Role, Staff } from '../app/core/staff';

let next = 1;

/** A staff member as the server would send one; override what the test cares about. */
export function aStaff(overrides: Partial<Staff> & { role?: Role } = {}): Staff {
  const n = next++;
  return {
    id: `staff-${n}`,
    email: `person${n}@hearth.test`,
    displayName: `Person ${n}`,
    role: 'agent',
    active: true,
    storeId: null,
    storeName: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
