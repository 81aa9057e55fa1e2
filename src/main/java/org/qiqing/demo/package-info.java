/**
 * Demonstration data for Jiaxing, loaded on the first run of the embedded default:
 * regions, units, one login per role, enterprises with valid credit codes and cases in
 * every state.
 */
package org.qiqing.demo;
