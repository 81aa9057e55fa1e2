package org.qiqing.enterprise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An enterprise of the registry.
 */
@Table("enterprise")
public class Enterprise {

	@Id
	private Long id;

	private String creditCode;

	private String name;

	private String regionCode;

	private String industry;

	private String address;

	private EnterpriseScale scale;

	private String contactName;

	private String contactPhone;

	private String contactEmail;

	private String tags;

	@Version
	private Integer version;

	public Enterprise(String creditCode, String name, String regionCode) {
		if (!CreditCode.isValid(creditCode)) {
			throw new IllegalArgumentException("invalid credit code " + creditCode);
		}
		this.creditCode = creditCode;
		this.name = name;
		this.regionCode = regionCode;
	}

	/**
	 * The enterprise in a row of {@code enterprise}, as {@link Enterprises} would load
	 * it: Spring Data's mapping converted each column reflectively on the path of every
	 * filing.
	 */
	static Enterprise fromRow(ResultSet row) throws SQLException {
		Enterprise enterprise = new Enterprise(row.getString("credit_code"), row.getString("name"),
				row.getString("region_code"));
		enterprise.id = row.getLong("id");
		enterprise.industry = row.getString("industry");
		enterprise.address = row.getString("address");
		String scale = row.getString("scale");
		enterprise.scale = scale == null ? null : EnterpriseScale.valueOf(scale);
		enterprise.contactName = row.getString("contact_name");
		enterprise.contactPhone = row.getString("contact_phone");
		enterprise.contactEmail = row.getString("contact_email");
		enterprise.tags = row.getString("tags");
		enterprise.version = row.getInt("version");
		return enterprise;
	}

	public Enterprise describe(String name, String regionCode, String industry, String address, EnterpriseScale scale,
			Set<String> tags) {
		this.name = name;
		this.regionCode = regionCode;
		this.industry = industry;
		this.address = address;
		this.scale = scale;
		this.tags = tags == null || tags.isEmpty() ? null : String.join(",", tags);
		return this;
	}

	public Enterprise contact(String name, String phone, String email) {
		this.contactName = name;
		this.contactPhone = phone;
		this.contactEmail = email;
		return this;
	}

	public Long getId() {
		return this.id;
	}

	public String getCreditCode() {
		return this.creditCode;
	}

	public String getName() {
		return this.name;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public String getIndustry() {
		return this.industry;
	}

	public String getAddress() {
		return this.address;
	}

	public EnterpriseScale getScale() {
		return this.scale;
	}

	public String getContactName() {
		return this.contactName;
	}

	public String getContactPhone() {
		return this.contactPhone;
	}

	public String getContactEmail() {
		return this.contactEmail;
	}

	public Set<String> getTags() {
		return this.tags == null ? Set.of()
				: Arrays.stream(this.tags.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	public Integer getVersion() {
		return this.version;
	}

}
