package org.qiqing.demo;

import java.util.List;

/**
 * The regions and units of the demonstration: Jiaxing city, its seven counties and
 * districts, three or four towns each, and the government bodies of Jiashan and Haining.
 */
final class Jiaxing {

	record Place(String code, String name, List<String[]> towns) {
	}

	static final String CITY = "330400";

	static final String JIASHAN = "330421";

	static final String HAINING = "330481";

	static final List<Place> COUNTIES = List.of(
			new Place("330402", "南湖区", towns("330402001:建设街道", "330402002:新兴街道", "330402100:凤桥镇")),
			new Place("330411", "秀洲区", towns("330411001:新城街道", "330411100:王江泾镇", "330411101:油车港镇")),
			new Place(JIASHAN, "嘉善县", towns("330421001:魏塘街道", "330421002:罗星街道", "330421100:西塘镇", "330421101:姚庄镇")),
			new Place("330424", "海盐县", towns("330424001:武原街道", "330424100:沈荡镇", "330424101:澉浦镇")),
			new Place(HAINING, "海宁市", towns("330481001:海洲街道", "330481100:许村镇", "330481101:长安镇")),
			new Place("330482", "平湖市", towns("330482001:当湖街道", "330482100:新埭镇", "330482101:独山港镇")),
			new Place("330483", "桐乡市", towns("330483001:梧桐街道", "330483100:濮院镇", "330483101:乌镇镇")));

	/** Villages and communities of Xitang, 12-digit codes. */
	static final List<String[]> XITANG_VILLAGES = towns("330421100201:西塘村", "330421100202:红菱村", "330421100203:地甸村");

	/**
	 * code, name, kind, region; the first of a county is its enterprise service centre.
	 */
	static final List<String[]> UNITS = List.of(unit("JX-QFZX", "嘉兴市企业服务中心", "SERVICE_CENTRE", CITY),
			unit("JX-JXJ", "嘉兴市经济和信息化局", "DEPARTMENT", CITY), unit("JX-DCS", "嘉兴市政府督查室", "SUPERVISION_OFFICE", CITY),
			unit("JX-JW", "嘉兴市纪委监委", "DISCIPLINE_COMMISSION", CITY),
			unit("JS-QFZX", "嘉善县企业服务中心", "SERVICE_CENTRE", JIASHAN),
			unit("JS-JXJ", "嘉善县经济和信息化局", "DEPARTMENT", JIASHAN), unit("JS-ZGJ", "嘉善县自然资源和规划局", "DEPARTMENT", JIASHAN),
			unit("JS-RSJ", "嘉善县人力资源和社会保障局", "DEPARTMENT", JIASHAN), unit("JS-SCJ", "嘉善县市场监督管理局", "DEPARTMENT", JIASHAN),
			unit("JS-SWJ", "国家税务总局嘉善县税务局", "DEPARTMENT", JIASHAN), unit("JS-ZJJ", "嘉善县住房和城乡建设局", "DEPARTMENT", JIASHAN),
			unit("JS-JRB", "嘉善县金融工作服务中心", "DEPARTMENT", JIASHAN),
			unit("JS-DCS", "嘉善县政府督查室", "SUPERVISION_OFFICE", JIASHAN),
			unit("JS-WT", "魏塘街道办事处", "TOWN_GOVERNMENT", "330421001"),
			unit("JS-XT", "西塘镇人民政府", "TOWN_GOVERNMENT", "330421100"),
			unit("JS-YZ", "姚庄镇人民政府", "TOWN_GOVERNMENT", "330421101"),
			unit("HN-QFZX", "海宁市企业服务中心", "SERVICE_CENTRE", HAINING),
			unit("HN-JXJ", "海宁市经济和信息化局", "DEPARTMENT", HAINING), unit("HN-ZGJ", "海宁市自然资源和规划局", "DEPARTMENT", HAINING),
			unit("TX-QFZX", "桐乡市企业服务中心", "SERVICE_CENTRE", "330483"),
			unit("JX-STJ-JS", "嘉兴市生态环境局嘉善分局", "DEPARTMENT", CITY));

	/** unit code, region code: a unit that serves a region besides its own place. */
	static final List<String[]> SERVED_REGIONS = List.<String[]>of(new String[] { "JX-STJ-JS", JIASHAN });

	/** code, name, default unit, days to resolve. */
	static final List<String[]> CATEGORIES = List.of(new String[] { "LAND", "用地规划", "JS-ZGJ", "10" },
			new String[] { "FINANCE", "融资信贷", "JS-JRB", "5" }, new String[] { "LABOUR", "用工招聘", "JS-RSJ", "5" },
			new String[] { "LICENCE", "证照审批", "JS-SCJ", "5" }, new String[] { "TAX", "税费政策", "JS-SWJ", "5" },
			new String[] { "INFRA", "水电气基础设施", "JS-ZJJ", "10" }, new String[] { "POLICY", "惠企政策兑现", "JS-JXJ", "5" },
			new String[] { "OTHER", "其他", "JS-QFZX", "7" });

	private Jiaxing() {
	}

	private static List<String[]> towns(String... entries) {
		return java.util.Arrays.stream(entries).map(e -> e.split(":")).toList();
	}

	private static String[] unit(String code, String name, String kind, String region) {
		return new String[] { code, name, kind, region };
	}

}
