package org.qiqing.linkage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of linkage ({@code qiqing.linkage.*}).
 *
 * @param coverageCache how long the coverage of one focus and period, as one person sees
 * it, is answered again without recomputing it (a new visit shows after at most this
 * long; a change of links at once); zero computes every request
 */
@ConfigurationProperties("qiqing.linkage")
public record LinkageSettings(@DefaultValue("60s") Duration coverageCache) {
}
