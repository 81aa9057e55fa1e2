/**
 * The case engine: anything that must be handled to an end (an enterprise's request
 * first; rectification items, leaders' assignments and tips to come) moves through the
 * states of its kind's {@link org.qiqing.casework.Workflow}, and every step is appended
 * to a hash-chained history in the same transaction.
 */
package org.qiqing.casework;
