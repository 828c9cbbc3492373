// The documented entry points (README "Entry points"): menus, triggers and google.script.run.
// Adding one is a deliberate change to this list.
export const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'setupTrackerFromMenu',
  'showIntakeSidebar',
  'showTicketSidebar',
  'getIntakeForm',
  'submitTicket',
  'suggestArticles',
  'markArticleHelpful',
  'getTicketView',
  'applyTicketAction',
  'onTrackerEdit',
  'onSlaTimer',
  'runSlaSweepFromMenu',
  'buildWeeklyReview',
  'buildWeeklyReviewFromMenu',
  'archiveFromMenu',
  'doGet',
  'answerVerification',
] as const;

/** The self-test project's globals (selftest/entry.ts; README "Verify on your Google account"). */
export const SELFTEST_ENTRY_POINTS = ['onOpen', 'onEdit', 'doGet', 'runSelfTest'] as const;
