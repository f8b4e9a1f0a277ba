// "Review overdue" on a page whose review date has passed (overrides/partials/page-status.html). A built
// page cannot know today's date, so this compares it in the reader's browser; without the script the
// page still shows the date its review was due.
(() => {
  const now = new Date();
  const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((part, index) => String(part).padStart(index ? 2 : 4, "0"))
    .join("-");
  for (const notice of document.querySelectorAll("[data-review-due]")) {
    if (notice.dataset.reviewDue < today) notice.hidden = false;
  }
})();
