package org.qiqing.organisation;

/**
 * A person issued himself an API token (its id, never the token), published in the
 * transaction that stores it.
 */
public record ApiTokenIssued(long personId, long tokenId) {
}
