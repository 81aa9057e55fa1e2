package org.qiqing.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How uploads are checked.
 *
 * @param scan whether every stored upload goes through the {@link UploadScanner} bean
 * (which must then exist; the application does not start without one)
 */
@ConfigurationProperties("qiqing.uploads")
record UploadSettings(@DefaultValue("false") boolean scan) {
}
