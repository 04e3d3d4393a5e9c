package com.claudioportal.web;

/**
 * What the header shows as a count next to the bell. The page shell knows no features; the
 * notifications feature implements this (a feature plugs into the shell, never the reverse).
 */
public interface HeaderCounts {

    /** Unread notifications of the signed-in person in the active tenant. */
    long unreadNotifications();
}
