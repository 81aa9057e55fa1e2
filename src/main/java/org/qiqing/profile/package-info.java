/**
 * The enterprise's profile (企业画像): one page per enterprise for officials, gathering its
 * registry data, the officials linked to it, its visits, its cases with their state and
 * time, the satisfaction it gave over time and what the government did for it.
 */
package org.qiqing.profile;
