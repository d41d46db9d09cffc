import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { privacyZhCN } from '../desk/privacy.messages';
import { EmptyState } from '../shared/empty-state';
import { AuditApi, AuditEntry, AuditFilters } from './audit-api';
import { StaffApi } from './staff-api';

/** Every action the log records, as the filter offers them (the label key is `privacy.audit.action.<action>`). */
export const AUDIT_ACTIONS = [
  'customer.view',
  'customer.update',
  'customer.export',
  'customer.erase',
  'customer.merge',
  'identity.link',
  'staff.create',
  'staff.update',
  'staff.password_reset',
  'store.create',
  'store.update',
  'wechat_channel.create',
  'wechat_channel.update',
  'forum.post.hide',
  'forum.post.unhide',
  'forum.thread.lock',
  'forum.thread.unlock',
  'forum.thread.status',
  'forum.board.create',
  'forum.board.update',
  'forum.member.senior_fan',
] as const;

type LogState = { readonly kind: 'loading' } | { readonly kind: 'error' } | { readonly kind: 'ready'; readonly entries: readonly AuditEntry[]; readonly next: string | null };

/** A label key of ours, for action and target names the server sends (an unknown one shows as sent). */
const isLabel = (key: string): key is MessageKey & keyof typeof privacyZhCN => Object.hasOwn(privacyZhCN, key);

/** Where a target opens, when it has a page. */
function targetLink(entry: AuditEntry): string[] | null {
  const target = entry.target;
  if (!target?.id) return null;
  switch (target.type) {
    case 'customer':
      return ['/desk/customers', target.id];
    case 'staff':
      return ['/admin'];
    case 'store':
      return ['/admin/stores'];
    case 'wechat_channel':
      return ['/admin/wechat'];
    case 'forum_board':
      return ['/admin/forum'];
    case 'forum_thread':
      return ['/forum/threads', target.id];
    default:
      return null;
  }
}

/**
 * Admin → audit log: who saw or changed what, newest first, with filters and "load earlier".
 *
 * An accountability record of access to personal data, deliberately NOT a staff activity metric:
 * a plain chronological list, with no counts per person, no charts and no rankings.
 */
@Component({
  selector: 'app-audit-log-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatSelectModule, RouterLink, EmptyState, TranslatePipe],
  templateUrl: './audit-log-page.html',
  styleUrls: ['./admin-list.scss', './admin-list-layout.scss', './audit-log-page.scss'],
})
export class AuditLogPage {
  private readonly api = inject(AuditApi);
  private readonly i18n = inject(I18n);

  protected readonly actions = AUDIT_ACTIONS;
  /** The staff filter lists everyone, by name (the entries themselves keep the name as it was then). */
  protected readonly staff = toSignal(inject(StaffApi).list().pipe(catchError(() => of([]))), { initialValue: [] });

  protected readonly filters = signal<AuditFilters>({});
  protected readonly state = signal<LogState>({ kind: 'loading' });
  protected readonly loadingMore = signal(false);
  protected readonly moreFailed = signal(false);
  protected readonly filtered = computed(() => Object.values(this.filters()).some(Boolean));
  private readonly format = computed(
    () => new Intl.DateTimeFormat(this.i18n.lang(), { dateStyle: 'medium', timeStyle: 'medium' }),
  );

  constructor() {
    toObservable(this.filters)
      .pipe(
        switchMap((filters) =>
          this.api.page(filters).pipe(
            map((page): LogState => ({ kind: 'ready', entries: page.entries, next: page.nextCursor })),
            catchError(() => of<LogState>({ kind: 'error' })),
            startWith<LogState>({ kind: 'loading' }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        this.moreFailed.set(false);
        this.state.set(state);
      });
  }

  protected setFilter(change: Partial<AuditFilters>): void {
    this.filters.update((f) => ({ ...f, ...change }));
  }

  protected clearFilters(): void {
    this.filters.set({});
  }

  protected reload(): void {
    this.filters.update((f) => ({ ...f }));
  }

  protected loadMore(): void {
    const state = this.state();
    if (state.kind !== 'ready' || !state.next || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreFailed.set(false);
    this.api.page(this.filters(), state.next).subscribe({
      next: (page) => {
        this.loadingMore.set(false);
        this.state.set({ kind: 'ready', entries: [...state.entries, ...page.entries], next: page.nextCursor });
      },
      error: () => {
        this.loadingMore.set(false);
        this.moreFailed.set(true);
      },
    });
  }

  protected when(entry: AuditEntry): string {
    return this.format().format(new Date(entry.at));
  }

  protected actionLabel(action: string): string {
    const key = `privacy.audit.action.${action}`;
    return isLabel(key) ? this.i18n.t(key) : action;
  }

  protected targetLabel(entry: AuditEntry): string {
    const type = entry.target?.type ?? '';
    const key = `privacy.audit.target.${type}`;
    return isLabel(key) ? this.i18n.t(key) : type;
  }

  protected link(entry: AuditEntry): string[] | null {
    return targetLink(entry);
  }

  protected shortId(id: string | null): string {
    return id && id.length > 8 ? id.slice(0, 8) : (id ?? '');
  }
}
