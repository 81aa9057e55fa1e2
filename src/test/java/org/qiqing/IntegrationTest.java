package org.qiqing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one configuration every integration test uses, so that all of them share one
 * application context (and one freshly migrated database) per run: a real server on a
 * random port, MockMvc, the {@link TestWorld}, whose people read Chinese again after each
 * test ({@link WorldInChinese}), and an {@link Api} to call it as one of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestWorld.class, Api.class })
@ExtendWith(WorldInChinese.class)
public @interface IntegrationTest {

}
