package org.qiqing.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's trend, read month by month (whole months from the months' rows), says
 * what the days' rows say: the cases received in each of the twelve months are those the
 * API counts day by day.
 */
@IntegrationTest
class DashboardTrendIntegrationTests {

	@Autowired
	World world;

	@Autowired
	Api api;

	@Test
	void eachMonthOfTheTrendCountsWhatItsDaysCount() throws Exception {
		this.api.assignedCase(this.world);
		String page = this.api.okPageText(this.world.leaderA(), "/dashboard");
		Matcher data = Pattern
			.compile("<script type=\"application/json\" id=\"trend-data\">(.*?)</script>", Pattern.DOTALL)
			.matcher(page);
		assertThat(data.find()).as("the trend's data block").isTrue();
		List<String> months = JsonPath.read(data.group(1), "$.months");
		List<Number> received = JsonPath.read(data.group(1), "$.series[0].data");
		YearMonth now = YearMonth.from(LocalDate.now(PlatformClock.CHINA));
		assertThat(months).hasSize(12).endsWith(now.toString()).startsWith(now.minusMonths(11).toString());

		String days = Api.text(this.api.get(this.world.leaderA(), "/api/v1/statistics/measures/by/day?from="
				+ now.minusMonths(11).atDay(1) + "&to=" + now.atEndOfMonth()));
		List<String> keys = JsonPath.read(days, "$.groups[*].key");
		List<Number> counts = JsonPath.read(days, "$.groups[*].measures.counts.received");
		Map<String, Long> byMonth = new TreeMap<>();
		months.forEach(m -> byMonth.put(m, 0L));
		for (int i = 0; i < keys.size(); i++) {
			byMonth.merge(keys.get(i).substring(0, 7), counts.get(i) == null ? 0L : counts.get(i).longValue(),
					Long::sum);
		}
		List<Long> trend = new ArrayList<>();
		received.forEach(n -> trend.add(n.longValue()));
		assertThat(trend).isEqualTo(List.copyOf(byMonth.values()));
		assertThat(trend.get(11)).as("this month's cases, the one just filed among them").isPositive();
	}

}
