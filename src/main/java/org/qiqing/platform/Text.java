package org.qiqing.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;

/**
 * A message to a person: a key of the message bundles ({@code messages_zh.properties},
 * {@code messages_en.properties}) and its arguments, put into words only when it is
 * shown, in the reader's language. An argument that is itself a {@code Text} (the label
 * of a step, of a state) is put into words in the same language; whole numbers (ids,
 * counts) are written as they are, without grouping.
 *
 * @param code the key in both bundles, e.g. {@code error.case.stepNotYours}
 * @param args the arguments, {@code {0}}, {@code {1}}… in the bundles' text
 */
public record Text(String code, Object... args) {

	public Text {
		args = (args == null) ? new Object[0] : args.clone();
	}

	public static Text of(String code, Object... args) {
		return new Text(code, args);
	}

	/**
	 * This text in a language, from the given bundles. A key missing from them shows as
	 * itself rather than failing the request (I18nSyncTests keeps keys from going
	 * missing).
	 */
	public String resolve(MessageSource messages, Locale locale) {
		Object[] resolved = new Object[this.args.length];
		for (int i = 0; i < this.args.length; i++) {
			Object arg = this.args[i];
			if (arg instanceof Text text) {
				resolved[i] = text.resolve(messages, locale);
			}
			else if (arg instanceof Long || arg instanceof Integer || arg instanceof Short) {
				resolved[i] = arg.toString();
			}
			else {
				resolved[i] = arg;
			}
		}
		return messages.getMessage(this.code, resolved, this.code, Texts.language(locale));
	}

	/** This text in the language of the current request (Chinese outside of one). */
	public String resolve() {
		return Texts.resolve(this);
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * This text as JSON, to be stored and put into words later, in the language of
	 * whoever reads it: {@code {"code":"…","args":[…]}}. Whole numbers stay numbers, a
	 * {@code Text} argument is nested as an object, anything else is written as its
	 * string.
	 */
	public String toJson() {
		return JSON.writeValueAsString(node(this));
	}

	/**
	 * A text stored with {@link #toJson()}; null for null or blank (a row stored before
	 * texts were).
	 */
	public static Text fromJson(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		return text(JSON.readTree(json));
	}

	private static ObjectNode node(Text text) {
		ObjectNode node = JSON.createObjectNode();
		node.put("code", text.code);
		ArrayNode args = node.putArray("args");
		for (Object arg : text.args) {
			if (arg instanceof Text nested) {
				args.add(node(nested));
			}
			else if (arg instanceof Long || arg instanceof Integer || arg instanceof Short) {
				args.add(((Number) arg).longValue());
			}
			else if (arg == null) {
				args.addNull();
			}
			else {
				args.add(arg.toString());
			}
		}
		return node;
	}

	private static Text text(JsonNode node) {
		List<Object> args = new ArrayList<>();
		for (JsonNode arg : node.path("args")) {
			if (arg.isObject()) {
				args.add(text(arg));
			}
			else if (arg.isIntegralNumber()) {
				args.add(arg.longValue());
			}
			else if (arg.isNull()) {
				args.add(null);
			}
			else {
				args.add(arg.asString());
			}
		}
		return new Text(node.path("code").asString(), args.toArray());
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Text text && this.code.equals(text.code) && Arrays.equals(this.args, text.args);
	}

	@Override
	public int hashCode() {
		return 31 * this.code.hashCode() + Arrays.hashCode(this.args);
	}

	@Override
	public String toString() {
		return this.args.length == 0 ? this.code : this.code + Arrays.toString(this.args);
	}

}
