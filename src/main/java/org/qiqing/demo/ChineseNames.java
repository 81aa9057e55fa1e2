package org.qiqing.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plausible names for the demonstration's people and enterprises: a common surname and a
 * given name of one or two characters for a person (not 联系人91), and for an enterprise a
 * county, a trade name of two different characters, an industry and a legal form that
 * does not repeat it (not …科技科技有限公司).
 */
final class ChineseNames {

	/** Common surnames of Zhejiang, one character each. */
	static final String SURNAMES = "王李张陈赵刘杨黄吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文";

	/** Given names that read as names, one or two characters. */
	private static final List<String> GIVEN = List.of("建国", "志强", "晓燕", "丽华", "伟", "敏", "静", "海峰", "文杰", "俊杰", "雪梅",
			"秀英", "春燕", "国平", "建华", "立新", "红梅", "永强", "佳怡", "子涵", "浩然", "宇航", "欣怡", "思远", "明辉", "晓东", "海燕", "玉兰", "志明",
			"丽娟", "杰", "磊", "洋", "勇", "军", "芳", "娜", "婷", "涛", "斌", "鹏", "超", "琳", "颖", "晨", "慧敏", "国庆", "卫东", "美玲",
			"桂芳", "建军", "少华", "振宇", "一鸣", "雨婷", "梦瑶", "嘉豪", "天佑", "秋萍", "凤英", "刚", "强", "华", "洁", "进", "浩");

	/** A person's name: a surname from the table, then a given name from the table. */
	static final Pattern PERSON = Pattern.compile("[" + SURNAMES + "](" + String.join("|", GIVEN) + ")");

	/** Two characters of a trade name (字号), read together. */
	private static final String[] TRADE = { "华", "嘉", "禾", "浙", "新", "恒", "东", "瑞", "金", "宏", "盛", "天", "永", "祥", "鑫",
			"博", "泰", "锦", "美", "诚", "达", "丰", "润", "远" };

	/** An industry and the legal forms that read well after it. */
	private record Industry(String words, List<String> forms) {
	}

	private static final List<String> PLAIN = List.of("有限公司", "股份有限公司");

	private static final List<Industry> INDUSTRIES = List.of(new Industry("精密机械", PLAIN),
			new Industry("新材料", List.of("有限公司", "科技有限公司")), new Industry("电子科技", PLAIN), new Industry("纺织", PLAIN),
			new Industry("智能装备", List.of("有限公司", "科技有限公司")), new Industry("食品", PLAIN),
			new Industry("光伏", List.of("科技有限公司", "有限公司")), new Industry("汽车零部件", PLAIN), new Industry("包装", PLAIN),
			new Industry("家居", PLAIN), new Industry("生物医药", List.of("有限公司", "科技有限公司")), new Industry("化纤", PLAIN),
			new Industry("五金", PLAIN), new Industry("印染", PLAIN), new Industry("物流", PLAIN));

	/**
	 * A word written twice in a row (科技科技, 有限有限, 华华): no name the generator makes has
	 * one.
	 */
	static final Pattern DOUBLED = Pattern.compile("(\\p{IsHan}+)\\1");

	private final Random random;

	private final Set<String> enterprises = new HashSet<>();

	ChineseNames(Random random) {
		this.random = random;
	}

	/** A person's name, such as 沈建国 or 陆洁. */
	String person() {
		String name;
		do {
			name = SURNAMES.charAt(this.random.nextInt(SURNAMES.length()))
					+ GIVEN.get(this.random.nextInt(GIVEN.size()));
		}
		while (DOUBLED.matcher(name).find());
		return name;
	}

	/**
	 * A new enterprise of the county: its first two characters, a trade name, an industry
	 * and a legal form, different from every name made before.
	 */
	String enterprise(String countyName) {
		String name;
		do {
			String first = TRADE[this.random.nextInt(TRADE.length)];
			String second;
			do {
				second = TRADE[this.random.nextInt(TRADE.length)];
			}
			while (second.equals(first));
			Industry industry = INDUSTRIES.get(this.random.nextInt(INDUSTRIES.size()));
			name = countyName.substring(0, 2) + first + second + industry.words()
					+ industry.forms().get(this.random.nextInt(industry.forms().size()));
		}
		while (DOUBLED.matcher(name).find() || !this.enterprises.add(name));
		return name;
	}

}
