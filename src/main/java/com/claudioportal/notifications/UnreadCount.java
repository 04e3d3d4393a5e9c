package com.claudioportal.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.claudioportal.tenant.CurrentUser;
import com.claudioportal.web.HeaderCounts;

/** The bell's count in the header: the person's unread notifications in the active tenant (one indexed count). */
@ApplicationScoped
public class UnreadCount implements HeaderCounts {

    @Inject
    CurrentUser user;

    @Override
    public long unreadNotifications() {
        return user.hasEmail() ? Notification.count("recipient = ?1 and readAt is null", user.email()) : 0;
    }
}
