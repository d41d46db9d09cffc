// The socket.io contract shared by the server and the Angular clients (imported there by path).
// Types only: no runtime imports, so the client bundles take nothing from the server.
//
// Two namespaces:
// - `/` for staff, authenticated by the session cookie (desk, store, managers);
// - `/visitor` for customers of the web chat, authenticated by `auth: { token }` — the signed
//   visitor token from `POST /api/chat/visitor`. A visitor socket is only ever in its own
//   conversation's room; it cannot reach any staff event.

export type EventAuthor = { type: 'customer' | 'staff' | 'fan' | 'system'; id: string | null; name: string | null };

/** One event on a customer's timeline, as every staff client sees it. */
export type TimelineEvent = {
  id: string;
  customerId: string;
  kind: string;
  channel: string;
  author: EventAuthor;
  body: string;
  details: Record<string, unknown> | null;
  occurredAt: string;
  recordedAt: string;
  source: string;
  sourceId: string;
  caseId: string | null;
  internal: boolean;
  /** Kept from store staff by its author; store staff never receive such an event. */
  deskOnly?: boolean;
};

/**
 * Every acknowledgement. (An ack never has a top-level `event` field: NestJS would take such a
 * return value for an emit instead of an ack.)
 */
export type Ack<T = object> = ({ ok: true } & T) | { ok: false; code: string; message: string };

/** An uploaded chat image (`POST /api/chat/images`). URLs are same-origin paths. */
export type ChatImage = { id: string; url: string; thumbUrl: string; width: number; height: number; mime: string };

/**
 * `details` of a `chat.message` timeline event. The event's body is the text ('' for an image alone).
 */
export type ChatMessageDetails = { clientId: string; image?: ChatImage };

/** A web-chat message as the visitor sees it: no internal fields. */
export type ChatMessage = {
  id: string;
  clientId: string;
  from: 'customer' | 'staff';
  /** The staff member who wrote a reply (display name; the visitor never sees staff ids). */
  staffName: string | null;
  body: string;
  image: ChatImage | null;
  at: string;
};

/** Up to which event id the customer's chat client has received / read the conversation. */
export type ChatReceipt = { customerId: string; deliveredUpTo: string; readUpTo: string };

/** Someone is typing in a conversation (sent to the staff watching that customer). */
export type ChatTyping = {
  customerId: string;
  by: { type: 'customer' } | { type: 'staff'; id: string; name: string };
  typing: boolean;
};

/** Store visits (`POST /api/visits`). */
export type VisitReason = 'repair' | 'return' | 'question' | 'purchase' | 'pickup' | 'other';
export type VisitOutcome = 'solved' | 'repair' | 'follow_up' | 'browsing';

/** `details` of a `store.visit` timeline event (its body is a plain-text summary, for search). */
export type StoreVisitDetails = {
  clientId: string;
  storeId: string;
  storeName: string;
  staffName: string;
  reasons: VisitReason[];
  reasonText: string;
  actions: string;
  outcome: VisitOutcome;
  /** For the service team; set when the outcome is follow_up (required then). */
  followUpNote: string | null;
  images: ChatImage[];
};

/**
 * The body of `POST /api/visits`. `clientId` (8–64 of [A-Za-z0-9_-]) makes a resend of the same
 * draft one visit. Store staff log for their own store; others pass `storeId`.
 */
export type NewVisit = {
  clientId: string;
  customerId: string;
  storeId?: string;
  reasons: VisitReason[];
  reasonText?: string;
  actions?: string;
  outcome: VisitOutcome;
  imageIds?: string[];
  followUpNote?: string;
};

/** `GET /api/visits/today`: who came in today at one store, newest first. A diary, not a count. */
export type TodayVisits = {
  store: { id: string; name: string; city: string };
  visits: { event: TimelineEvent; customer: { id: string; displayName: string; phone: string | null } }[];
};

/** `GET /api/customers/:id/conversation`: what the desk's chat panel needs for one customer. */
export type ConversationState = {
  customerId: string;
  /**
   * The channel a reply goes out on: the one the conversation is on ('chat' web chat, 'wechat' the
   * Official Account the customer last wrote through), else whichever of the two the customer has;
   * null: neither (no composer).
   */
  replyChannel: 'chat' | 'wechat' | null;
  waitingSince: string | null;
  deliveredUpTo: string;
  readUpTo: string;
  visitorOnline: boolean;
  viewers: { id: string; name: string }[];
};

/** The WeChat message types and events of the protocol; anything else is kept raw as 'unknown'. */
export type WeChatMsgType = 'text' | 'image' | 'voice' | 'video' | 'shortvideo' | 'location' | 'link' | 'event' | 'unknown';

/**
 * Why a reply to WeChat was not delivered: 'window_closed' (45015: more than 48 hours since the
 * customer last wrote, or they unfollowed), 'quota' (45047: too many replies since their last
 * message), 'rejected' (another refusal from WeChat, errcode kept), 'unreachable' (WeChat could not
 * be reached after every retry), 'uncertain' (the server stopped while sending: it may or may not
 * have arrived, so it is not sent again), or 'channel_disabled' (the account was disconnected first).
 */
export type WeChatFailureReason = 'window_closed' | 'quota' | 'rejected' | 'unreachable' | 'uncertain' | 'channel_disabled';

/** Where a reply to WeChat stands: queued (and retried) until WeChat accepts or finally refuses it. */
export type WeChatDelivery = { status: 'pending' | 'sent' | 'failed'; reason?: WeChatFailureReason; errcode?: number };

/**
 * `details` of a `wechat.message` event. Its body is the searchable text (the message, a voice's
 * recognition, a link's title, a label such as [图片]). Customer messages keep WeChat's fields;
 * replies from the desk carry `clientId` and `delivery`.
 */
export type WeChatMessageDetails = {
  msgType: WeChatMsgType;
  /** The connected account (`/api/channels/wechat`) and its name when the event was stored. */
  channelId: string;
  account: string;
  appId: string;
  openId: string;
  msgId?: string;
  picUrl?: string;
  mediaId?: string;
  format?: string;
  recognition?: string;
  thumbMediaId?: string;
  location?: { x: string; y: string; scale: string; label: string };
  link?: { title: string; description: string; url: string };
  /** For msgType 'event': subscribe, unsubscribe, CLICK, VIEW, … */
  event?: string;
  eventKey?: string;
  menuId?: string;
  /** The original MsgType and XML of a message we do not know (never dropped). */
  rawType?: string;
  raw?: string;
  clientId?: string;
  delivery?: WeChatDelivery;
};

/**
 * Sent to the staff watching a customer when a reply to WeChat is accepted or finally fails; a
 * failure also goes to the reply's author wherever they are, with the customer's name and the
 * start of the reply (the person is back among those waiting in the inbox).
 */
export type WeChatDeliveryUpdate = { customerId: string; eventId: string; delivery: WeChatDelivery; customerName?: string; body?: string };

/** A connected Official Account as admins see it. Secrets are never sent back: only whether they are set. */
export type WeChatChannel = {
  id: string;
  name: string;
  appId: string;
  /** Where WeChat must call: `/api/wechat/<id>` (prefix the public origin). */
  callbackPath: string;
  /** 'safe' once an EncodingAESKey is set (messages arrive encrypted), else 'plain'. */
  mode: 'plain' | 'safe';
  active: boolean;
  secrets: { appSecret: boolean; token: boolean; encodingAesKey: boolean };
  createdAt: string;
};

/** A shared saved phrase (`/api/quick-replies`): any agent may add, edit or remove one. */
export type QuickReply = { id: string; text: string; updatedAt: string; updatedBy: string | null };

export type StaffPresence = { id: string; name: string; status: 'online' | 'away' };

/**
 * A conversation in the desk inbox. `waitingSince` is when the customer's first unanswered
 * message arrived (null: nobody is waiting). No durations, no urgency: a person and a time.
 */
export type InboxItem = {
  customerId: string;
  displayName: string;
  /**
   * 'chat' (web chat) or 'wechat' (WeChat; lastMessage is the newest message), or 'store': a store visit asked the
   * service team to get back to this person (lastMessage.body is the follow-up note, from: 'staff').
   */
  channel: string;
  waitingSince: string | null;
  lastMessage: { id: string; body: string; hasImage: boolean; from: 'customer' | 'staff'; at: string };
  /** The newest message from the customer (for unread markers). */
  lastCustomerMessageId: string;
  /** Up to which event this staff member has read (the REST answer fills it for the caller). */
  readUpTo: string;
  /** The visitor left a phone that belongs to another customer: staff may merge after checking. */
  suggestedCustomer: { id: string; displayName: string } | null;
};

/** Events the server emits to staff sockets. */
export interface ServerToClientEvents extends CaseServerToClientEvents {
  'timeline.event': (event: TimelineEvent) => void;
  /** An admin erased a customer's data: a page showing them reloads into the tombstone. */
  'customer.erased': (payload: { customerId: string }) => void;
  /** A customer was merged into another: a page showing `fromCustomerId` should move to `intoCustomerId`. */
  'customer.merged': (payload: { fromCustomerId: string; intoCustomerId: string }) => void;
  /** To the desk: a conversation changed (new message, answered, suggestion). Per-staff `readUpTo` is not included. */
  'inbox.changed': (item: Omit<InboxItem, 'readUpTo'>) => void;
  /** To this staff member's own sockets: they read a conversation up to an event (on any device). */
  'inbox.read': (payload: { customerId: string; readUpTo: string }) => void;
  'chat.typing': (payload: ChatTyping) => void;
  /** The customer's chat received / read messages up to an event. */
  'chat.read': (payload: ChatReceipt) => void;
  /** A reply to WeChat was delivered, or finally was not (with the reason), to the staff watching that customer. */
  'wechat.delivery': (payload: WeChatDeliveryUpdate) => void;
  /** Who is looking at this customer right now (staff watching the customer page), and whether the visitor is online. */
  'customer.viewers': (payload: { customerId: string; viewers: { id: string; name: string }[]; visitorOnline: boolean }) => void;
  /** Everyone on the desk: who of the staff is online or away. */
  presence: (payload: { staff: StaffPresence[] }) => void;
}

/** Events a staff client sends; each gets an acknowledgement. */
export interface ClientToServerEvents {
  /**
   * Follow a customer's timeline live. `afterId` is the id of the newest event the client already
   * has: the ack carries every event recorded after it (what was missed while disconnected), up to
   * 500; `hasMore` says there were more (reload the first page instead).
   */
  'customer.watch': (
    payload: { customerId: string; afterId?: string },
    ack: (res: Ack<{ missed: TimelineEvent[]; hasMore: boolean }>) => void,
  ) => void;
  'customer.unwatch': (payload: { customerId: string }, ack: (res: Ack) => void) => void;
  /**
   * Reply in a customer's web chat. `clientId` (8–64 chars of [A-Za-z0-9_-]) makes a retry safe:
   * the same clientId from the same staff member stores one message. Text up to 4,000 characters,
   * and/or an uploaded image id.
   */
  'chat.send': (
    payload: { customerId: string; clientId: string; body?: string; imageId?: string },
    ack: (res: Ack<{ message: TimelineEvent }>) => void,
  ) => void;
  'chat.typing': (payload: { customerId: string; typing: boolean }, ack?: (res: Ack) => void) => void;
  /** This staff member has read the conversation up to an event (unread markers are per person). */
  'inbox.read': (payload: { customerId: string; upToId: string }, ack: (res: Ack) => void) => void;
  /** Online (tab visible, recently active) or away. */
  'presence.set': (payload: { status: 'online' | 'away' }, ack?: (res: Ack) => void) => void;
}

/** Events the server emits to a visitor socket (namespace `/visitor`). */
export interface VisitorServerToClientEvents {
  /** A new message in the visitor's conversation (their own included, e.g. sent from another tab). */
  'chat.message': (message: ChatMessage) => void;
  'chat.typing': (payload: { typing: boolean; name: string }) => void;
  /** Whether any staff member is online right now. Sent on connect and when it changes. */
  presence: (payload: { staffAround: boolean }) => void;
}

/** Events a visitor socket sends. */
export interface VisitorClientToServerEvents {
  /** Newest first, keyset-paginated: `before` is the `nextCursor` of the previous page. */
  'chat.history': (
    payload: { before?: string; limit?: number },
    ack: (res: Ack<{ messages: ChatMessage[]; nextCursor: string | null }>) => void,
  ) => void;
  /** Same rules as the staff `chat.send`; a retry with the same clientId stores one message. */
  'chat.send': (payload: { clientId: string; body?: string; imageId?: string }, ack: (res: Ack<{ message: ChatMessage }>) => void) => void;
  'chat.typing': (payload: { typing: boolean }, ack?: (res: Ack) => void) => void;
  /** The visitor's page received (`read: false`) or showed (`read: true`) messages up to an event. */
  'chat.read': (payload: { upToId: string; read: boolean }, ack?: (res: Ack) => void) => void;
  /**
   * Name and/or phone. A phone that belongs to another customer is never linked here: staff see a
   * suggestion and decide; the visitor sees only their own conversation either way.
   */
  'visitor.profile': (payload: { name?: string; phone?: string }, ack: (res: Ack<{ name: string | null; phone: string | null }>) => void) => void;
}

// ─── Cases, gestures and stories ────────────────────────────────────────────────────────────────
// REST shapes (`/api/cases`, `/api/gestures`, `/api/stories`, `/api/themes`, `/api/me/thanks`).
// Deliberately no durations, due dates, priorities, assignees or per-staff counts anywhere.

/** A staff member as other staff see them on a case or story: a name, never a number. */
export type StaffRef = { id: string; name: string };

export type CaseStatus = 'open' | 'resolved';

/**
 * A case in a list (the customer page). `eventIds` are the timeline events attached to it
 * (every event has at most one case; an event's `caseId` says which).
 */
export type CaseSummary = {
  id: string;
  customerId: string;
  title: string;
  status: CaseStatus;
  /** What the customer came with (optional tags, e.g. 屏幕, 电池, 退货); set any time, and when resolving. */
  themes: string[];
  openedBy: StaffRef;
  openedAt: string;
  resolvedAt: string | null;
  /** People who said "I'm on it". Not an assignment: anyone may join or step back. */
  onIt: StaffRef[];
  eventIds: string[];
};

/** The written outcome of a case. Every edit is a new version; older ones are kept. */
export type CaseResolution = {
  version: number;
  /** What the customer needed. */
  needed: string;
  /** What we did. */
  did: string;
  /** How they felt. */
  felt: string;
  /** Their own words, quoted (optional). */
  customerWords: string | null;
  writtenBy: StaffRef;
  writtenAt: string;
};

export type GestureKind = 'handwritten_card' | 'small_gift' | 'fee_waived' | 'upgrade' | 'follow_up_call' | 'other';
export const GESTURE_KINDS: readonly GestureKind[] = ['handwritten_card', 'small_gift', 'fee_waived', 'upgrade', 'follow_up_call', 'other'];
export type GestureStatus = 'planned' | 'given';

/** A surprise beyond the fix. Cost is in fen (分; ¥1 = 100), counted against its giver's monthly allowance. */
export type Gesture = {
  id: string;
  customerId: string;
  caseId: string | null;
  kind: GestureKind;
  note: string;
  costCents: number | null;
  status: GestureStatus;
  /** The customer's reaction, in their words where possible (added later). */
  reaction: string | null;
  by: StaffRef;
  createdAt: string;
  givenAt: string | null;
};

/** `GET /api/cases/:id`: everything about one case. */
export type CaseDetail = CaseSummary & {
  customer: { id: string; displayName: string };
  /** The attached events, oldest first (store staff never receive desk-only ones). */
  events: TimelineEvent[];
  /** The current resolution (null while never resolved); kept when a case is reopened. */
  resolution: CaseResolution | null;
  /** Earlier versions of the resolution, newest first. */
  history: CaseResolution[];
  gestures: Gesture[];
};

/** `POST /api/cases`. `clientId` (8–64 of [A-Za-z0-9_-]) makes a double submit one case. */
export type NewCase = { clientId: string; customerId: string; title: string; fromEventId?: string; themes?: string[] };

/**
 * `PUT /api/cases/:id/resolution`: resolves an open case, or edits the resolution (a new version).
 * `expectedVersion` is the version the writer started from (0 for none): a mismatch is 409
 * `case.resolution_changed`, so nobody silently overwrites a colleague's words.
 */
export type ResolutionInput = {
  expectedVersion: number;
  needed: string;
  did: string;
  felt: string;
  customerWords?: string | null;
  themes?: string[];
};

/** `POST /api/gestures`. Within the giver's monthly allowance nobody approves anything; over it is 409 `gesture.over_allowance`. */
export type NewGesture = {
  clientId: string;
  customerId: string;
  caseId?: string;
  kind: GestureKind;
  note: string;
  costCents?: number | null;
  status: GestureStatus;
};

/** `PATCH /api/gestures/:id`: mark given, add the reaction; the giver may also change note and cost. */
export type GestureUpdate = { status?: 'given'; reaction?: string; note?: string; costCents?: number | null };

/** `GET /api/gestures/allowance`: the caller's own allowance this month (local month of STORE_TIMEZONE). */
export type GestureAllowance = { month: string; allowanceCents: number; spentCents: number; leftCents: number };

/** A manager's highlight: "story of the week". */
export type StoryHighlight = { by: StaffRef; at: string; note: string | null };

/** One story in the `/stories` feed (`GET /api/stories`). */
export type StoryCard = {
  caseId: string;
  title: string;
  customer: { id: string; displayName: string };
  openedAt: string;
  resolvedAt: string;
  /** The current resolution's "what they needed" (the card's lead) and the customer's words. */
  needed: string;
  customerWords: string | null;
  themes: string[];
  /** Channels of the attached events ('chat', 'wechat', 'forum', 'store', 'desk'). */
  channels: string[];
  stores: { id: string; name: string }[];
  gestureKinds: GestureKind[];
  /** Everyone who helped: opened, took part, wrote the story, gave a gesture. Names only. */
  helpers: StaffRef[];
  highlight: StoryHighlight | null;
};

/** A thank-you note from a manager to someone who helped in a story. */
export type ThanksNote = {
  id: string;
  caseId: string;
  storyTitle: string;
  to: StaffRef;
  from: StaffRef;
  body: string;
  at: string;
  /** When the recipient saw it (null: not yet). */
  seenAt: string | null;
};

/** `GET /api/stories/:caseId`: a story as one readable page. */
export type Story = StoryCard & {
  resolution: CaseResolution;
  gestures: Gesture[];
  /** Key timeline excerpts across channels: the attached events, oldest first. */
  excerpts: TimelineEvent[];
  /** Managers see every note on the story; others see the ones addressed to them. */
  thanks: ThanksNote[];
};

/**
 * `GET /api/stories?q=&theme=&channel=&storeId=&from=&to=&highlighted=&mine=&before=&limit=`:
 * newest resolved first, keyset-paged (`nextCursor`). `from`/`to` are dates (YYYY-MM-DD, local).
 */
export type StoryPage = { stories: StoryCard[]; nextCursor: string | null };

/**
 * `GET /api/themes?month=YYYY-MM`: what customers came with that month (cases opened in it), by
 * theme. Counts of customers' needs, never of anything staff did.
 */
export type ThemesMonth = {
  month: string;
  themes: { theme: string; customers: number; cases: { id: string; title: string; status: CaseStatus; customerName: string }[] }[];
  /** Cases opened that month without a theme yet. */
  unthemed: number;
};

/** Socket events of this feature (namespace `/`), merged into ServerToClientEvents. */
export interface CaseServerToClientEvents {
  /** To staff watching the customer: a case was opened, changed, resolved, or events were attached. */
  'case.changed': (summary: CaseSummary) => void;
  /** To staff watching the customer: a gesture was recorded or updated. */
  'gesture.changed': (gesture: Gesture) => void;
  /** To the recipient's own sockets. */
  'thanks.received': (note: ThanksNote) => void;
}

// ─── Forum ─────────────────────────────────────────────────────────────────────────────────────
// REST under `/api/forum` (readable without signing in; posting needs a forum account or a staff
// session) and the socket namespace `/forum` (anyone may watch a thread). Participation is
// acknowledged, never scored: no points, ranks, counts per person or leaderboards anywhere.

/** 'suggestion' boards carry a feedback status on their threads (heard → planned → shipped). */
export type ForumBoardKind = 'help' | 'suggestion' | 'showcase';
export const FORUM_BOARD_KINDS: readonly ForumBoardKind[] = ['help', 'suggestion', 'showcase'];

export type ForumBoard = {
  id: string;
  /** In URLs: `/forum/boards/<slug>`. 2–32 of [a-z0-9-]. */
  slug: string;
  name: string;
  description: string;
  kind: ForumBoardKind;
  position: number;
  archived: boolean;
  /** Visible threads in the board, and when the newest post in it was written (null: none yet). */
  threadCount: number;
  lastActivityAt: string | null;
};

export type ForumFeedbackStatus = 'heard' | 'planned' | 'shipped';
export const FORUM_FEEDBACK_STATUSES: readonly ForumFeedbackStatus[] = ['heard', 'planned', 'shipped'];

/** Who wrote a thread or post, as everyone sees them. Staff show a name and a staff badge, never an id. */
export type ForumAuthor =
  | { kind: 'member'; username: string; displayName: string; seniorFan: boolean }
  | { kind: 'staff'; name: string };

export type ForumPostHidden = { reason: string; by: string; at: string };

export type ForumPost = {
  id: string;
  threadId: string;
  author: ForumAuthor;
  /** The post's Markdown rendered to sanitised HTML (safe to insert as HTML). Empty when hidden and the reader may not see it. */
  html: string;
  /** The Markdown source: only for the author and staff (null otherwise). */
  markdown: string | null;
  /** The first post of a thread is the question/opening post. */
  isOpening: boolean;
  isSolution: boolean;
  createdAt: string;
  /** Set for staff and for the post's own author; the public never receives hidden posts at all. */
  hidden: ForumPostHidden | null;
};

export type ForumThreadSummary = {
  id: string;
  board: { id: string; slug: string; name: string; kind: ForumBoardKind };
  title: string;
  author: ForumAuthor;
  /** Plain-text start of the opening post (up to 140 characters). */
  excerpt: string;
  createdAt: string;
  lastActivityAt: string;
  /** Who wrote the newest visible post (the opening post's author when nobody replied yet). */
  lastPoster: ForumAuthor;
  /** Visible replies (not counting the opening post). */
  replyCount: number;
  solved: boolean;
  locked: boolean;
  /** Suggestion boards only (null elsewhere, and until staff first set it). */
  feedbackStatus: ForumFeedbackStatus | null;
};

export type ForumStatusChange = { status: ForumFeedbackStatus; note: string | null; by: string; at: string };

/** `GET /api/forum/threads/:id`. */
export type ForumThread = ForumThreadSummary & {
  /** The accepted answer, also shown at the top (null: not solved). */
  solution: ForumPost | null;
  /** Oldest first. The first page (opening post included); `nextCursor` pages on (`GET …/posts?after=`). */
  posts: ForumPost[];
  nextCursor: string | null;
  /** Every feedback status change, oldest first (empty outside suggestion boards). */
  statusHistory: ForumStatusChange[];
  lockedAt: string | null;
};

/** A thread list page, newest activity first (`GET /api/forum/threads`, `GET /api/forum/boards/:slug/threads`). */
export type ForumThreadPage = { threads: ForumThreadSummary[]; nextCursor: string | null };

/** A forum account as its owner sees it. */
export type ForumMember = {
  username: string;
  displayName: string;
  seniorFan: boolean;
  joinedAt: string;
  /** E.164; only ever sent to the member themselves. */
  phone: string | null;
};

/** `GET /api/forum/members/:username`: a public profile. Acknowledgement, not a score: lists, no numbers. */
export type ForumMemberProfile = {
  username: string;
  displayName: string;
  seniorFan: boolean;
  fanSince: string | null;
  joinedAt: string;
  /** Threads they started, newest activity first (up to 20). */
  threads: ForumThreadSummary[];
  /** Threads their answer solved, newest first (up to 20). */
  helped: { threadId: string; title: string; solvedAt: string }[];
  /** Staff only: the customer this account belongs to (desk link). */
  customerId?: string;
};

/** `GET /api/forum/me`: who is reading. Staff (signed in to the desk) post as staff. */
export type ForumViewer =
  | { kind: 'anonymous' }
  | { kind: 'member'; member: ForumMember }
  | { kind: 'staff'; staff: { id: string; name: string; role: string; canModerate: boolean } };

/** `POST /api/forum/accounts`. Username 3–20 of [a-z0-9_] (lower-cased), password 8–200, phone optional (mainland or +country). */
export type ForumRegistration = { username: string; password: string; displayName?: string; phone?: string };

/** `POST /api/forum/threads`. `clientId` (8–64 of [A-Za-z0-9_-]) makes a double submit one thread. */
export type NewForumThread = { boardId: string; title: string; body: string; clientId: string };
/** `POST /api/forum/threads/:id/posts`. Same clientId rule: a double click stores one post. */
export type NewForumPost = { body: string; clientId: string };

/**
 * `details` of forum timeline events. `forum.post`: a post by this customer, or a staff/fan reply
 * in a thread this customer started. `forum.solved`: the thread was marked solved (on the asker's
 * timeline and on the timeline of the member whose answer solved it). `forum.status`: staff set a
 * suggestion's feedback status (on every participant's timeline).
 */
export type ForumEventDetails = {
  threadId: string;
  threadTitle: string;
  /** Board name, and its slug. */
  board: string;
  boardSlug: string;
  /** `/forum/threads/<threadId>` (with `#post-<postId>` for a post). */
  url: string;
  postId?: string;
  /** forum.post: whether this post opened the thread. */
  isOpening?: boolean;
  /** forum.post: the post's images (as uploaded). */
  images?: ChatImage[];
  /** forum.post: staff hid the post (kept; the public no longer sees it), why and since when. */
  hidden?: { reason: string; at: string };
  /** forum.solved: whose answer solved it. */
  solvedBy?: ForumAuthor;
  /** forum.status: the new status, the previous one and the staff note. */
  status?: ForumFeedbackStatus;
  previousStatus?: ForumFeedbackStatus | null;
  note?: string | null;
};

/** Events the server emits on the `/forum` namespace to sockets watching a thread. */
export interface ForumServerToClientEvents {
  /** A new visible post in a watched thread (public view). */
  'forum.post': (post: ForumPost) => void;
  /** The thread header changed: solved/solution, locked, feedback status, reply count. */
  'forum.thread': (thread: ForumThreadSummary & { solutionPostId: string | null; statusHistory: ForumStatusChange[] }) => void;
  /** A post was hidden by staff: remove it (public readers never see it again). */
  'forum.post_hidden': (payload: { threadId: string; postId: string }) => void;
}

/** Events a `/forum` socket sends. */
export interface ForumClientToServerEvents {
  /**
   * Watch a thread live. `afterPostId`: the newest post the page already has; the ack carries the
   * visible posts written after it (what was missed while disconnected, up to 200).
   */
  'thread.watch': (payload: { threadId: string; afterPostId?: string }, ack: (res: Ack<{ missed: ForumPost[] }>) => void) => void;
  'thread.unwatch': (payload: { threadId: string }, ack?: (res: Ack) => void) => void;
}

// ─── Privacy: the audit log ─────────────────────────────────────────────────────────────────────
// `GET /api/audit` (admins). An accountability record of who saw or changed what — a plain list,
// deliberately without counts per person, charts or rankings.

/** One staff action: who (name and role as they were then), what, on which record, when, from where. */
export type AuditEntry = {
  id: string;
  at: string;
  staff: { id: string; name: string; role: string };
  /** e.g. `customer.view`, `customer.export`, `customer.erase`, `staff.update`, `forum.post.hide`. */
  action: string;
  /** e.g. `{ type: 'customer', id }`; null when the action has no single record. */
  target: { type: string; id: string | null } | null;
  /** Ids and field names only; never message bodies, passwords or secrets. */
  details: Record<string, unknown> | null;
  clientAddress: string | null;
};
export type AuditPage = { entries: AuditEntry[]; nextCursor: string | null };
