/**
 * Notifications: delivers what the case engine asks to tell ({@code CaseNotice}) to an
 * in-app inbox with live unread counts, by e-mail and to the DingTalk and WeCom group
 * robots of units, each once per notice and recipient.
 */
package org.qiqing.notification;
