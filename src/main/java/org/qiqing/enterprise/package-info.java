/**
 * The registry of enterprises, keyed by their Unified Social Credit Code.
 */
package org.qiqing.enterprise;
