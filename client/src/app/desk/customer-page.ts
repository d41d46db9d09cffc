import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage, apiErrorStatus } from '../core/api-error';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { PageVisibility } from '../core/page-visibility';
import { Realtime } from '../core/realtime';
import { EmptyState } from '../shared/empty-state';
import { CaseFlow } from './cases/case-flow';
import { CaseStore } from './cases/case-store';
import { CasesSection } from './cases/cases-section';
import { GesturesSection } from './cases/gestures-section';
import { ChannelIcon } from './channel-icon';
import { ChatComposer } from './chat-composer';
import { ChatStatus } from './chat-status';
import { ConversationStore } from './conversation-store';
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
import { ErasedNotice } from './erased-notice';
import { MergeFlow } from './merge-flow';
import { NoteComposer } from './note-composer';
import { PrivacyMenu } from './privacy-menu';
import { formatPhone } from './phone';
import { TimelineStore } from './timeline-store';
import { WaitingStatus } from './waiting-status';

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

/** One customer: who they are, every way they reach us, and their whole story in one timeline. */
@Component({
  selector: 'app-customer-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    CasesSection,
    ChannelIcon,
    ChatComposer,
    ChatStatus,
    CustomerTimeline,
    EmptyState,
    ErasedNotice,
    GesturesSection,
    NoteComposer,
    PrivacyMenu,
    TranslatePipe,
    WaitingStatus,
  ],
  providers: [TimelineStore, ConversationStore, MergeFlow, CaseStore, CaseFlow],
  // On the store's tablets, controls are finger-sized (`.store-mode`, read by the case sections).
  host: { '[class.store-mode]': "home === '/store'" },
  templateUrl: './customer-page.html',
  styleUrl: './customer-page.scss',
})
export class CustomerPage {
  private readonly api = inject(CustomersApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  /** The page is shared by the desk and the store screen (`/store/customers/:id`): links stay in the one it was opened from. */
  protected readonly home = this.router.url.startsWith('/store') ? '/store' : '/desk';
  private readonly mergeFlow = inject(MergeFlow);
  private readonly visibility = inject(PageVisibility);
  protected readonly timeline = inject(TimelineStore);
  protected readonly conversation = inject(ConversationStore);
  private readonly cases = inject(CaseStore);

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
  protected readonly canMerge = this.mergeFlow.canMerge;
  /** The newest events are in view (the feed is scrolled to its top). */
  protected readonly atNewest = signal(true);

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
          void this.router.navigate([`${this.home}/customers`, state.customer.id], { replaceUrl: true });
        }
        this.state.set(state);
      });

    // The timeline and the chat follow the customer actually shown (after any redirect).
    effect(() => {
      const customer = this.customer();
      untracked(() => {
        this.mergeFlow.setCustomer(customer);
        if (customer) {
          this.timeline.open(customer.id);
          this.conversation.open(customer.id);
          this.cases.open(customer.id);
        }
      });
    });

    // Merged away: this person lives on under the other id. Merged in: their history moved here.
    inject(Realtime)
      .customerMerged$.pipe(takeUntilDestroyed())
      .subscribe((merge) => {
        const id = this.customer()?.id;
        if (merge.fromCustomerId === id) {
          void this.router.navigate([`${this.home}/customers`, merge.intoCustomerId], { replaceUrl: true });
        } else if (merge.intoCustomerId === id) {
          this.reloads.update((n) => n + 1);
        }
      });
    this.mergeFlow.mergedHere$.pipe(takeUntilDestroyed()).subscribe(() => this.reloads.update((n) => n + 1));
    // Privacy: an admin erased this customer (here or elsewhere): show the tombstone.
    inject(Realtime)
      .customerErased$.pipe(takeUntilDestroyed())
      .subscribe(({ customerId }) => {
        if (customerId === this.customer()?.id) this.retry();
      });

    // Read for me once the newest message is in view while someone can see this tab.
    effect(() => {
      const newest = this.timeline.newestId();
      if (newest && this.atNewest() && this.visibility.visible() && this.conversation.canReply()) {
        untracked(() => this.conversation.markRead(newest));
      }
    });
  }

  protected phone(customer: Customer): string | null {
    return customer.phone ? formatPhone(customer.phone) : null;
  }

  protected identityName(identity: Identity): string {
    if (identity.displayName) return identity.displayName;
    // A web visitor's id is a long random token: a short tag tells two visitors apart.
    if (identity.channel === 'web') return `${this.i18n.t('customer.webVisitor')} ${identity.externalId.slice(0, 4).toUpperCase()}`;
    return identity.externalId;
  }

  protected setChannel(channel: TimelineChannel | null): void {
    this.timeline.setChannel(channel);
  }

  protected retry(): void {
    this.reloads.update((n) => n + 1);
  }

  protected openMerge(): void {
    this.mergeFlow.mergeIntoThis();
  }
}
