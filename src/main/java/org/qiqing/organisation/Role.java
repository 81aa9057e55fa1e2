package org.qiqing.organisation;

/**
 * What a person does on the platform. A person may hold several roles.
 */
public enum Role {

	/** 企业联系人: files requests for his enterprise, follows and rates them. */
	ENTERPRISE,
	/** 走访干部: visits enterprises and records the requests heard there. */
	VISITOR,
	/** 受理分拨: accepts, classifies and assigns cases in his jurisdiction. */
	DISPATCHER,
	/** 承办单位: handles the cases assigned to his unit. */
	HANDLER,
	/** 督查督办: watches time limits, urges and verifies. */
	SUPERVISOR,
	/** 领导: assigns matters and sees dashboards. */
	LEADER,
	/** 纪检监察: takes tips and runs inspections. */
	INSPECTOR,
	/** 管理员: regions, units, people, categories. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
