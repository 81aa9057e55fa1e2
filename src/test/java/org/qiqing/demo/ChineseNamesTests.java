package org.qiqing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The names the demonstration makes, many more than it needs: people read as people,
 * enterprises never repeat a word (…科技科技有限公司) nor one another.
 */
class ChineseNamesTests {

	@Test
	void peopleHaveASurnameAndAGivenName() {
		ChineseNames names = new ChineseNames(new Random(1));
		List<String> people = IntStream.range(0, 5000).mapToObj(i -> names.person()).toList();
		assertThat(people).allSatisfy(name -> assertThat(name).matches(ChineseNames.PERSON)
			.doesNotContainPattern(ChineseNames.DOUBLED)
			.doesNotContain("联系人"));
		assertThat(people.stream().distinct().count()).isGreaterThan(2000);
	}

	@Test
	void enterprisesHaveOneLegalFormAndNoDoubledWordAndDiffer() {
		ChineseNames names = new ChineseNames(new Random(2));
		List<String> firms = IntStream.range(0, 2000)
			.mapToObj(i -> names.enterprise(Jiaxing.COUNTIES.get(i % Jiaxing.COUNTIES.size()).name()))
			.toList();
		assertThat(firms).doesNotHaveDuplicates().allSatisfy(name -> {
			assertThat(name).doesNotContainPattern(ChineseNames.DOUBLED).endsWith("有限公司").containsOnlyOnce("公司");
			assertThat(name.indexOf("科技")).as(name).isEqualTo(name.lastIndexOf("科技"));
		});
	}

}
