package org.qiqing.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The difficulties the demonstration's enterprises bring, per category: a title and a
 * description written together, so a case about fire acceptance is never filed under tax
 * (the first demo drew the three apart and showed 消防验收流程咨询 describing a loan under 税费政策).
 * The leader's matters and the service visits asked of the help office are tables too, so
 * every demo case can be checked against where it came from.
 */
final class Difficulties {

	/** What a case says: its category's code, its title and its description. */
	record Difficulty(String category, String title, String description) {
	}

	/**
	 * What enterprises file, by category code (the codes of {@link Jiaxing#CATEGORIES}).
	 */
	static final Map<String, List<Difficulty>> REQUESTS = group(
			// 用地规划
			of("LAND", "厂房扩建用地指标", "企业订单增长，计划在现厂区东侧扩建 2 万平方米厂房，需新增工业用地约 30 亩，希望协调用地指标。"),
			of("LAND", "工业用地规划调整咨询", "厂区内一块仓储用地规划性质为物流用地，企业想改建生产车间，咨询能否调整规划用途及办理流程。"),
			of("LAND", "不动产权证办理缓慢", "新建厂房竣工验收已三个月，不动产权证仍未办下，影响企业向银行抵押贷款。"),
			of("LAND", "厂区红线与道路规划冲突", "企业拟建的二期厂房有一角落在规划道路红线内，希望明确道路建设时间和调整方案。"),
			of("LAND", "低效用地二次开发政策咨询", "企业有约 15 亩闲置厂房，想通过二次开发提高容积率，咨询有关政策和审批要求。"),
			// 融资信贷
			of("FINANCE", "技改项目贷款周转", "技改项目设备款需在下月支付，一笔 800 万元流动资金贷款即将到期，希望协调银行办理续贷或无还本续贷。"),
			of("FINANCE", "首贷难，缺少抵押物", "企业成立三年，厂房为租赁，没有可抵押资产，申请首笔贷款被银行拒绝，希望对接信用贷款产品。"),
			of("FINANCE", "政策性担保费率咨询", "想申请政府性融资担保，咨询担保费率、额度上限和需要提交的材料。"),
			of("FINANCE", "应收账款质押融资", "下游大客户账期长达 180 天，企业资金周转紧张，希望了解应收账款质押融资的办理渠道。"),
			of("FINANCE", "科技型企业贷款贴息申请", "企业去年获得科技型中小企业认定，咨询贷款贴息的申请时间和兑现方式。"),
			// 用工招聘
			of("LABOUR", "招工难，急需熟练技工", "新生产线投产后缺少熟练焊工和数控操作工约 30 名，希望对接职业院校和专场招聘会。"),
			of("LABOUR", "外地员工子女入学", "企业有十余名外地骨干员工的子女明年秋季入学，咨询积分入学政策和办理时间。"),
			of("LABOUR", "员工技能培训补贴申领", "企业组织一线员工参加技能等级认定培训，咨询培训补贴的申领条件和流程。"),
			of("LABOUR", "人才公寓申请", "企业新引进 5 名研发人员，希望申请县人才公寓，了解房源和申请条件。"),
			of("LABOUR", "社保缴费基数调整咨询", "企业对今年社保缴费基数调整有疑问，希望人社部门上门讲解。"),
			// 证照审批
			of("LICENCE", "排污许可证续期", "企业排污许可证下月到期，续期材料已提交，系统显示仍在审核，担心影响正常生产。"),
			of("LICENCE", "消防验收流程咨询", "新建车间即将竣工，咨询消防验收的申请材料、办理时限和现场检查要求。"),
			of("LICENCE", "食品生产许可证变更", "企业新增一条生产线，需要变更食品生产许可证的生产范围，咨询办理流程。"),
			of("LICENCE", "施工许可证办理进度", "二期厂房施工许可证申请已递交 20 天，尚未取得，施工队伍已进场待工。"),
			of("LICENCE", "营业执照经营范围变更", "企业拓展跨境电商业务，需要增加经营范围，咨询能否全程网上办理。"),
			// 税费政策
			of("TAX", "研发费用加计扣除政策咨询", "企业今年研发投入较大，咨询研发费用加计扣除的归集口径和预缴申报时能否享受。"),
			of("TAX", "外贸订单出口退税进度", "企业上季度出口退税申报已一个多月，退税款尚未到账，资金周转压力较大。"),
			of("TAX", "增值税留抵退税申请", "企业购置大量设备形成留抵税额，咨询增量留抵退税的条件和办理时间。"),
			of("TAX", "高新技术企业所得税优惠", "企业刚通过高新技术企业认定，咨询减按 15% 税率缴纳企业所得税从何时开始执行。"),
			of("TAX", "残疾人就业保障金减免", "企业安排了 3 名残疾人就业，咨询残疾人就业保障金的减免政策。"),
			// 水电气基础设施
			of("INFRA", "用电增容申请进度", "新生产线需将用电容量从 630 kVA 增至 1250 kVA，申请已递交两个月仍无答复。"),
			of("INFRA", "园区道路积水影响通行", "每逢大雨园区主干道积水严重，货车无法进出，希望尽快疏通排水管网。"),
			of("INFRA", "天然气管道接入", "企业锅炉改造需接入天然气，园区管网尚未铺设到厂区门口，希望协调接入时间。"),
			of("INFRA", "工业污水纳管", "企业污水预处理后需纳入市政管网，咨询纳管申请手续和排放标准。"),
			of("INFRA", "园区公交线路增设", "园区员工上下班通勤不便，希望增设一条连接县城的公交线路。"),
			// 惠企政策兑现
			of("POLICY", "高新技术企业认定补助兑现", "企业去年通过高新技术企业认定，县里的认定补助资金至今未到账。"),
			of("POLICY", "技改补助尚未兑现", "去年技改项目已通过验收，按政策可获设备投资补助，资金至今未拨付。"),
			of("POLICY", "专精特新奖励申报", "企业获评省级专精特新中小企业，咨询县级奖励的申报时间和所需材料。"),
			of("POLICY", "稳岗返还资金查询", "企业符合稳岗返还条件，但未收到返还资金，希望查询办理进度。"),
			of("POLICY", "展会补贴申请", "企业参加了广交会和海外展会，咨询外贸展会补贴的申请流程。"),
			// 其他
			of("OTHER", "周边企业噪声影响生产", "相邻企业夜间施工噪声较大，影响本企业精密检测工序，希望协调错峰施工。"),
			of("OTHER", "企业名称被冒用", "发现有外地公司冒用本企业名称对外销售产品，希望有关部门协助处理。"),
			of("OTHER", "园区食堂配套不足", "园区企业员工较多，周边餐饮配套不足，希望规划建设职工食堂。"),
			of("OTHER", "厂区周边治安巡逻", "近期厂区周边发生电缆被盗，希望加强夜间治安巡逻。"));

	/** What the county leader assigns (领导交办), with the category it is filed under. */
	static final List<Difficulty> LEADER_MATTERS = List.of(
			of("INFRA", "协调解决园区企业用电增容", "请牵头协调供电部门，解决园区企业集中反映的用电增容问题，按期报送办理结果。"),
			of("LAND", "推进重点项目用地报批", "请牵头推进县重点项目的用地报批，倒排时间节点，按期报送办理结果。"),
			of("LABOUR", "开展规上企业用工情况专题调研", "请牵头开展规上企业用工情况专题调研，形成报告，按期报送办理结果。"),
			of("TAX", "落实外贸企业出口退税提速", "请牵头落实外贸企业出口退税提速措施，按期报送办理结果。"),
			of("INFRA", "督促解决企业反映的道路拥堵问题", "请牵头督促解决园区企业反映的上下班道路拥堵问题，按期报送办理结果。"),
			of("FINANCE", "研究中小企业融资担保方案", "请牵头研究中小企业政策性融资担保方案，按期报送办理结果。"),
			of("LABOUR", "协调解决企业人才公寓配套", "请牵头协调解决企业引进人才的公寓配套，按期报送办理结果。"),
			of("LAND", "推进老旧厂房改造提升", "请牵头推进老旧厂房改造提升和低效用地再开发，按期报送办理结果。"));

	/** What enterprises ask the help office to come for (上门服务). */
	static final List<String> HELP_VISITS = List.of("新厂房消防验收前的现场指导", "高新技术企业申报辅导", "用工招聘政策宣讲");

	private Difficulties() {
	}

	/** The difficulties enterprises bring under the given category. */
	static List<Difficulty> of(String category) {
		List<Difficulty> difficulties = REQUESTS.get(category);
		if (difficulties == null) {
			throw new IllegalArgumentException("no difficulties for category " + category);
		}
		return difficulties;
	}

	private static Difficulty of(String category, String title, String description) {
		return new Difficulty(category, title, description);
	}

	private static Map<String, List<Difficulty>> group(Difficulty... difficulties) {
		return java.util.Arrays.stream(difficulties)
			.collect(Collectors.groupingBy(Difficulty::category, java.util.LinkedHashMap::new, Collectors.toList()));
	}

}
