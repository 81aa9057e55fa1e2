/**
 * The enterprise's front door: a contact registers himself with his enterprise's credit
 * code, the service centre of its region (or the enterprise's managing contact) verifies
 * him before he can file anything, and the first verified contact manages the others.
 */
package org.qiqing.registration;
