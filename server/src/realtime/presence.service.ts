import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { StaffPresence } from './contract';
import { conversationRoom, customerRoom, DESK_ROOM, RealtimeService } from './realtime.service';
import { safeError } from '../common/safe-error';

/** What a staff socket carries (set on connect by the gateway). */
export type StaffSocketData = { staff: { id: string; displayName: string }; token: string; presence?: 'online' | 'away' };

const SETTLE_MS = 50;
const STAFF_AROUND_TTL_MS = 5000;

/**
 * Who is around, worked out from the sockets themselves (fetchSockets works across instances once
 * a socket.io adapter is shared), so there is no separate state to drift. Changes are coalesced.
 * Presence says online or away — never for how long.
 */
@Injectable()
export class PresenceService implements OnModuleDestroy {
  private readonly logger = new Logger(PresenceService.name);
  private presenceTimer?: NodeJS.Timeout;
  private readonly viewerTimers = new Map<string, NodeJS.Timeout>();
  private staffAround: boolean | null = null;
  private staffAroundAt = 0;

  constructor(private readonly realtime: RealtimeService) {}

  onModuleDestroy() {
    clearTimeout(this.presenceTimer);
    for (const t of this.viewerTimers.values()) clearTimeout(t);
  }

  schedulePresence() {
    clearTimeout(this.presenceTimer);
    this.presenceTimer = setTimeout(() => void this.publishPresence().catch((err) => this.logger.warn({ msg: 'Presence update failed', err: safeError(err) })), SETTLE_MS);
  }

  scheduleViewers(customerId: string) {
    clearTimeout(this.viewerTimers.get(customerId));
    this.viewerTimers.set(
      customerId,
      setTimeout(() => {
        this.viewerTimers.delete(customerId);
        void this.viewers(customerId)
          .then(({ viewers, visitorOnline }) => this.realtime.publishViewers(customerId, viewers, visitorOnline))
          .catch((err) => this.logger.warn({ msg: 'Viewers update failed', err: safeError(err) }));
      }, SETTLE_MS),
    );
  }

  /**
   * Whether any staff member is online (for the visitor's page). Cached briefly: with several
   * instances, another instance's staff change presence without this one hearing of it.
   */
  async isStaffAround(): Promise<boolean> {
    if (this.staffAround === null || Date.now() - this.staffAroundAt > STAFF_AROUND_TTL_MS) {
      this.staffAround = (await this.staffPresence()).some((s) => s.status === 'online');
      this.staffAroundAt = Date.now();
    }
    return this.staffAround;
  }

  async staffPresence(): Promise<StaffPresence[]> {
    const sockets = (await this.realtime.staff?.in(DESK_ROOM).fetchSockets()) ?? [];
    const byStaff = new Map<string, StaffPresence>();
    for (const s of sockets) {
      const data = s.data as StaffSocketData | undefined;
      if (!data?.staff) continue;
      const status = data.presence ?? 'online';
      const known = byStaff.get(data.staff.id);
      if (!known || status === 'online') byStaff.set(data.staff.id, { id: data.staff.id, name: data.staff.displayName, status });
    }
    return [...byStaff.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  /** Staff with this customer's page open, and whether the customer's web chat is open. */
  async viewers(customerId: string): Promise<{ viewers: { id: string; name: string }[]; visitorOnline: boolean }> {
    const [staffSockets, visitorSockets] = await Promise.all([
      this.realtime.staff?.in(customerRoom(customerId)).fetchSockets() ?? [],
      this.realtime.visitors?.in(conversationRoom(customerId)).fetchSockets() ?? [],
    ]);
    const viewers = new Map<string, { id: string; name: string }>();
    for (const s of staffSockets) {
      const data = s.data as StaffSocketData | undefined;
      if (data?.staff) viewers.set(data.staff.id, { id: data.staff.id, name: data.staff.displayName });
    }
    return { viewers: [...viewers.values()], visitorOnline: visitorSockets.length > 0 };
  }

  private async publishPresence() {
    const staff = await this.staffPresence();
    this.realtime.publishPresence(staff);
    const around = staff.some((s) => s.status === 'online');
    this.staffAroundAt = Date.now();
    if (around !== this.staffAround) {
      this.staffAround = around;
      this.realtime.publishStaffAround(around);
    }
  }
}
