/**
 * Cross-cutting web infrastructure every module uses: problem details for errors,
 * idempotent API requests and entity versions. It depends on no business module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.qiqing.platform;
