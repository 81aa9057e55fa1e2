package org.qiqing.documents;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds the documents' settings ({@code qiqing.documents.font}, {@code .font-candidates},
 * {@code .issuers}); an empty font means none named.
 */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

	@Bean
	DocumentSettings documentSettings(Environment environment) {
		Binder binder = Binder.get(environment);
		String font = binder.bind("qiqing.documents.font", String.class).orElse("");
		return new DocumentSettings(font.isBlank() ? null : Path.of(font.strip()),
				binder.bind("qiqing.documents.font-candidates", Bindable.listOf(Path.class)).orElse(null),
				binder.bind("qiqing.documents.issuers", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
	}

}
