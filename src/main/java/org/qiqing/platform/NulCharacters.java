package org.qiqing.platform;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

import org.springframework.boot.jackson.JacksonComponent;

/**
 * Refuses the NUL character (U+0000) in every text a request brings: PostgreSQL cannot
 * store it in text and failed the request (500) where H2 stored it. Refused the same way
 * on both (400, naming the field): in parameters (query string and forms) here, before
 * anything reads them (the login form too); in JSON by {@link Json}, as each string is
 * read.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10)
class NulCharacters extends OncePerRequestFilter {

	static final String REASON = "must not contain the NUL character (U+0000)";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (holdsNul(parameter.getKey()) || holdsNul(parameter.getValue())) {
				String field = parameter.getKey().replace('\0', '?');
				ErrorResponses.refuse(request, response, HttpStatus.BAD_REQUEST,
						new InvalidInput(field, Text.of("error.field.nul", field)));
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean holdsNul(String... values) {
		for (String value : values) {
			if (value != null && value.indexOf('\0') >= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Every string of a JSON body (fields, lists, parts of multipart steps): one with a
	 * NUL is refused with the path of its field.
	 */
	@JacksonComponent
	static class Json extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (value != null && value.indexOf('\0') >= 0) {
				throw context.weirdStringException(value.replace('\0', '?'), String.class, REASON);
			}
			return value;
		}

	}

}
