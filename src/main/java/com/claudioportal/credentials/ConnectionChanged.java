package com.claudioportal.credentials;

/**
 * A tenant's Claudio connection was saved or removed (fired inside the transaction that did it), so
 * whatever keeps a copy of the account, such as the worker's poll accounts, reads it again.
 */
public record ConnectionChanged(String tenantId) {
}
