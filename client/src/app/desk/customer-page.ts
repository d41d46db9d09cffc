import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { catchError, filter, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage, apiErrorStatus } from '../core/api-error';
import { Auth } from '../core/auth';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { Realtime } from '../core/realtime';
import { EmptyState } from '../shared/empty-state';
import { ChannelIcon } from './channel-icon';
import {
  CHANNEL_LABELS,
  Customer,
  Identity,
  TIMELINE_CHANNELS,
  TimelineChannel,
  channelFamily,
  channelLabel,
} from './customer';
import { CustomerTimeline } from './customer-timeline';
import { CustomersApi } from './customers-api';
import { MergeDialog, MergeDialogData, MergeResult } from './merge-dialog';
import { NoteComposer } from './note-composer';
import { formatPhone } from './phone';
import { TimelineStore } from './timeline-store';

type CustomerState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly customer: Customer }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'error'; readonly message: MessageKey };

interface IdentityGroup {
  readonly family: string;
  readonly label: MessageKey | null;
  readonly identities: readonly Identity[];
}

const MERGE_ROLES: ReadonlySet<string> = new Set(['agent', 'manager', 'admin']);

/** One customer: who they are, every way they reach us, and their whole story in one timeline. */
@Component({
  selector: 'app-customer-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    ChannelIcon,
    CustomerTimeline,
    EmptyState,
    NoteComposer,
    TranslatePipe,
  ],
  providers: [TimelineStore],
  templateUrl: './customer-page.html',
  styleUrl: './customer-page.scss',
})
export class CustomerPage {
  private readonly api = inject(CustomersApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  protected readonly timeline = inject(TimelineStore);

  /** The route's `:id`. */
  readonly id = input.required<string>();

  private readonly reloads = signal(0);
  protected readonly state = signal<CustomerState>({ kind: 'loading' });
  protected readonly customer = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.customer : null;
  });

  protected readonly channels = TIMELINE_CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  private readonly auth = inject(Auth);
  protected readonly canMerge = computed(() => MERGE_ROLES.has(this.auth.staff()?.role ?? ''));

  protected readonly identityGroups = computed<readonly IdentityGroup[]>(() => {
    const groups = new Map<string, Identity[]>();
    for (const identity of this.customer()?.identities ?? []) {
      const family = channelFamily(identity.channel);
      groups.set(family, [...(groups.get(family) ?? []), identity]);
    }
    return [...groups].map(([family, identities]) => ({ family, label: channelLabel(family), identities }));
  });

  constructor() {
    toObservable(computed(() => ({ id: this.id(), reload: this.reloads() })))
      .pipe(
        switchMap(({ id }) =>
          this.api.get(id).pipe(
            map((customer): CustomerState => ({ kind: 'ready', customer })),
            catchError((error: unknown) =>
              of<CustomerState>(
                apiErrorStatus(error) === 404
                  ? { kind: 'not-found' }
                  : { kind: 'error', message: apiErrorMessage(error) },
              ),
            ),
            startWith<CustomerState>({ kind: 'loading' }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        // A merged-away customer answers with the one it went into (308): show that one's address.
        if (state.kind === 'ready' && state.customer.id !== untracked(this.id)) {
          void this.router.navigate(['/desk/customers', state.customer.id], { replaceUrl: true });
        }
        this.state.set(state);
      });

    // The timeline follows the customer actually shown (after any redirect).
    effect(() => {
      const id = this.customer()?.id;
      if (id) untracked(() => this.timeline.open(id));
    });

    inject(Realtime)
      .customerMerged$.pipe(
        filter((merge) => merge.fromCustomerId === this.customer()?.id),
        takeUntilDestroyed(),
      )
      .subscribe((merge) => void this.router.navigate(['/desk/customers', merge.intoCustomerId], { replaceUrl: true }));
  }

  protected phone(customer: Customer): string | null {
    return customer.phone ? formatPhone(customer.phone) : null;
  }

  protected identityName(identity: Identity): string {
    return identity.displayName ?? identity.externalId;
  }

  protected setChannel(channel: TimelineChannel | null): void {
    this.timeline.setChannel(channel);
  }

  protected retry(): void {
    this.reloads.update((n) => n + 1);
  }

  protected openMerge(): void {
    const into = this.customer();
    if (!into) return;
    this.dialog
      .open<MergeDialog, MergeDialogData, MergeResult>(MergeDialog, {
        data: { into },
        panelClass: 'hearth-dialog',
        maxWidth: '100vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .pipe(filter((result): result is MergeResult => !!result))
      .subscribe(({ from, customer }) => {
        const message = this.i18n.t('merge.done', { from: from.displayName, into: customer.displayName });
        this.snackBar.open(message, undefined, { duration: 4000 });
        // Reload the header (identities moved); the timeline reopens with it (events moved in).
        this.reloads.update((n) => n + 1);
      });
  }
}
