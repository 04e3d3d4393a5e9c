package com.claudioportal.claudio;

/** The result of a harmless call made to check a tenant's base URL, key and secret. */
public record ConnectionCheck(String detail) {
}
