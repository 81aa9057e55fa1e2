/**
 * Visits to enterprises (走企业): an official records, on a phone and offline if need be,
 * whom he met and what he heard, and files each difficulty heard as a case on the spot.
 */
package org.qiqing.visit;
