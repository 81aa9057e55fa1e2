package org.qiqing.casework.web;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any JSON body sent to the case API is read by the application's own JSON mapper and
 * checked as the API checks it; it is then refused as the API refuses it (unreadable
 * JSON, or a constraint it breaks: both a 400) or becomes what the engine is given,
 * without anything else thrown on the way (which would be a 500). Runs its seeds in every
 * build; {@code JAZZER_FUZZ=1} fuzzes one method at a time (docs/OPERATIONS.md).
 */
class CaseRequestsFuzzTests {

	static ConfigurableApplicationContext jackson;

	static JsonMapper json;

	static ValidatorFactory validation;

	static Validator validator;

	@BeforeAll
	static void readAsTheApplicationReads() {
		jackson = new SpringApplicationBuilder(JacksonAutoConfiguration.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run("--spring.main.banner-mode=off");
		json = jackson.getBean(JsonMapper.class);
		validation = Validation.buildDefaultValidatorFactory();
		validator = validation.getValidator();
	}

	@AfterAll
	static void close() {
		validation.close();
		jackson.close();
	}

	@FuzzTest(maxDuration = "5m")
	void aFilingIsRefusedAsTheApiRefusesOrBecomesANewCase(byte[] body) {
		readAndCheck(body, CaseRequests.FileCase.class, request -> {
			assertThat(request.toNewCase(List.of()).kind()).isNotNull();
		});
	}

	@FuzzTest(maxDuration = "5m")
	void aStepIsRefusedAsTheApiRefusesOrBecomesAStepInput(byte[] body) {
		readAndCheck(body, CaseRequests.Step.class, request -> {
			assertThat(request.toInput(List.of()).coUnitIds()).doesNotContainNull();
		});
	}

	@FuzzTest(maxDuration = "5m")
	void aVisitAskedForIsRefusedAsTheApiRefusesOrBecomesANewCase(byte[] body) {
		readAndCheck(body, CaseRequests.AskVisit.class, request -> {
			assertThat(request.toNewCase().helpVisit()).isNotNull();
		});
	}

	private static <T> void readAndCheck(byte[] body, Class<T> type, Consumer<T> accepted) {
		T request;
		try {
			request = json.readValue(body, type);
		}
		catch (JacksonException unreadable) {
			// A 400, except a fault of the types themselves, which the API answers with
			// a 500.
			assertThat(unreadable).isNotInstanceOf(InvalidDefinitionException.class);
			return;
		}
		if (request == null) {
			// A body of null: the API refuses a missing body.
			return;
		}
		Set<ConstraintViolation<T>> violations = validator.validate(request);
		if (violations.isEmpty()) {
			accepted.accept(request);
		}
	}

}
