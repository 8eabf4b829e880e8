import type { Database } from "../../worker/db/client";
import { listNotifications, markRead } from "../../worker/db/queries/notifications";

/**
 * The demo users have read what reached them before `readAt`, and nothing since: each opens on
 * a few unread notifications among older, read ones.
 */
export async function readOlderNotifications(
  db: Database,
  users: readonly { id: number }[],
  readAt: Date,
) {
  const before = readAt.toISOString();
  for (const user of users) {
    const unread = await listNotifications(db, user.id, {
      limit: 1000,
      offset: 0,
      unreadOnly: true,
    });
    for (const notification of unread.filter((n) => n.createdAt < before)) {
      await markRead(db, user.id, notification.id, readAt);
    }
  }
}
