package org.qiqing.organisation;

/**
 * A person revoked one of his API tokens.
 */
public record ApiTokenRevoked(long personId, long tokenId) {
}
