package org.qiqing.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.LocalDateTime;

import org.qiqing.Api;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.Unit;
import org.qiqing.platform.PlatformClock;

import org.springframework.test.web.servlet.MvcResult;

/**
 * Cases walked through the real workflow at a moment in the past (the platform's clock
 * set back on this thread), so that a month of figures exists to freeze.
 */
record AssessmentCases(Api api, World world, PlatformClock clock) {

	/** A case of the unit's county, filed, accepted, assigned, contacted and resolved. */
	long resolved(String chinaTime, Unit unit, String outcome) throws Exception {
		this.clock.set(LocalDateTime.parse(chinaTime).atZone(CHINA).toInstant());
		try {
			boolean countyA = unit.getRegionCode().equals("330421");
			Member contact = countyA ? this.world.enterpriseA() : this.world.enterpriseB();
			Member dispatcher = countyA ? this.world.dispatcherA() : this.world.dispatcherB();
			Member handler = unit.getId().equals(this.world.deptA().getId()) ? this.world.handlerA()
					: unit.getId().equals(this.world.otherDeptA().getId()) ? this.world.otherHandlerA()
							: this.world.handlerB();
			long id = this.api.fileCase(contact, (countyA ? this.world.firmA() : this.world.firmB()).getId(),
					this.world.category().id());
			int v = ok(this.api.step(dispatcher, id, 0, "accept", "{}"));
			v = ok(this.api.step(dispatcher, id, v, "assign", "{\"leadUnitId\": %d}".formatted(unit.getId())));
			v = ok(this.api.step(handler, id, v, "contact", "{\"note\": \"已电话联系\"}"));
			ok(this.api.step(handler, id, v, "resolve",
					"{\"outcome\": \"%s\", \"answer\": \"已答复\", \"referral\": \"12345\"}".formatted(outcome)));
			return id;
		}
		finally {
			this.clock.reset();
		}
	}

	/**
	 * A case of a unit of 嘉善县 that the county's supervisor criticises in writing (书面通报)
	 * once it is assigned, then contacted and resolved.
	 */
	long criticised(String chinaTime, Unit unit) throws Exception {
		this.clock.set(LocalDateTime.parse(chinaTime).atZone(CHINA).toInstant());
		try {
			Member handler = unit.getId().equals(this.world.deptA().getId()) ? this.world.handlerA()
					: this.world.otherHandlerA();
			long id = this.api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(),
					this.world.category().id());
			int v = ok(this.api.step(this.world.dispatcherA(), id, 0, "accept", "{}"));
			v = ok(this.api.step(this.world.dispatcherA(), id, v, "assign",
					"{\"leadUnitId\": %d}".formatted(unit.getId())));
			v = ok(this.api.step(this.world.supervisorA(), id, v, "criticise", "{\"note\": \"推诿拖延，书面通报\"}"));
			v = ok(this.api.step(handler, id, v, "contact", "{\"note\": \"已电话联系\"}"));
			ok(this.api.step(handler, id, v, "resolve", "{\"outcome\": \"SOLVED\", \"answer\": \"已答复\"}"));
			return id;
		}
		finally {
			this.clock.reset();
		}
	}

	private static int ok(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return Api.version(result);
	}

}
