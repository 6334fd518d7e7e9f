#include "SyntheticVocabulary.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace ow::synthgen {

namespace {

QList<Choice> choices(const QString &text)
{
    // "id:label|id:label" keeps the long lists below readable, one department to a block.
    QList<Choice> result;
    for (const QString &item : text.split(u'|')) {
        const qsizetype colon = item.indexOf(u':');
        result.append({item.left(colon), item.mid(colon + 1)});
    }
    return result;
}

DepartmentWords department(const QString &id, const QString &name, const QString &code, double volume,
    const QString &topics, const QString &question, const QString &options, const QString &laws,
    const QString &keywords)
{
    DepartmentWords d;
    d.id = id;
    d.name = name;
    d.code = code;
    d.volume = volume;
    for (const QString &topic : topics.split(u' ')) {
        const qsizetype colon = topic.lastIndexOf(u':');
        d.topics.append({topic.left(colon), topic.at(colon + 1)});
    }
    const qsizetype colon = question.indexOf(u':');
    d.questionId = question.left(colon);
    d.questionText = question.mid(colon + 1);
    d.questionOptions = choices(options);
    d.laws = laws.split(u'|');
    d.keywords = keywords.split(u' ');
    return d;
}

} // namespace

// Departments of a county-level service hall. Lucheng district's hall lists 1,060 matters from about
// 30 departments (Wenzhou report on the "finest granularity" intake system, 2018, in shared reference).
const QList<DepartmentWords> &SyntheticVocabulary::departments()
{
    // clang-format off: one entry per line reads better than the formatter's wrapping
    static const QList<DepartmentWords> list = {
        department(u"market"_s, u"区市场监督管理局"_s, u"SC"_s, 14,
            u"有限责任公司:R 股份有限公司:R 个人独资企业:R 合伙企业:R 个体工商户:R 农民专业合作社:R "
            u"外商投资企业:R "
            "分公司:R 外国企业常驻代表机构:R 食品经营:L 食品生产:L 药品零售:L 第三类医疗器械经营:L "
            "工业产品生产:L "
            "第二类医疗器械经营:F 特种设备使用:G 食品小作坊:G 广告发布:G 股权出质:G 动产抵押:G 检验检测机构资质:C"_s,
            u"business-type:主要经营项目属于哪一类？"_s,
            u"prepacked:预包装食品销售|bulk:散装食品销售|catering:热食类食品制售|cold:冷食类食品制售|"
            "pastry:糕点类食品制售|drinks:自制饮品制售|special:特殊食品销售|online:网络食品销售"_s,
            u"《中华人民共和国市场主体登记管理条例》|《中华人民共和国食品安全法》|"
            u"《中华人民共和国特种设备安全法》|"
            "《中华人民共和国药品管理法》"_s,
            u"营业执照 执照 开店 公司 食品"_s),
        department(u"health"_s, u"区卫生健康局"_s, u"WJ"_s, 6,
            u"公共场所卫生:L 放射诊疗:L 母婴保健技术服务:L 饮用水供水单位卫生:L 消毒产品生产企业卫生:L "
            "计划生育技术服务:L 医疗机构执业:G 医师执业:G 护士执业:G 诊所:F 二次供水设施卫生:F 中医诊所:F "
            "职业卫生技术服务机构:C 医疗广告:A 健康证明:S"_s,
            u"place-type:经营场所属于哪一类？"_s,
            u"lodging:住宿场所（宾馆、饭店、旅店、招待所）|bath:沐浴场所（浴室、足浴、桑拿）|beauty:"
            u"美容美发场所|"
            "swim:游泳场所|entertainment:文化娱乐场所（影剧院、歌舞厅）|shop:商场（店）、书店|"
            "waiting:候车（机、船）室|sport:体育场馆"_s,
            u"《公共场所卫生管理条例》|《医疗机构管理条例》|《放射诊疗管理规定》|《中华人民共和国母婴保健法》"_s,
            u"卫生许可证 卫生 医疗 健康证 诊所"_s),
        department(u"transport"_s, u"区交通运输局"_s, u"JT"_s, 5,
            u"普通货物道路运输经营:L 道路旅客运输经营:L 巡游出租汽车经营:L 网络预约出租汽车经营:L 港口经营:L "
            "国内水路运输:L 机动车维修经营:F 机动车驾驶员培训:F 道路运输从业人员从业资格:C 道路运输证:S "
            "超限运输车辆行驶公路:A 占用挖掘公路:A"_s,
            u"transport-type:运输经营类型？"_s,
            u"general:普通货物运输|container:集装箱运输|bulky:大型物件运输|cold:冷藏保鲜运输|"
            "dangerous:危险货物运输|passenger:道路旅客运输"_s,
            u"《中华人民共和国道路运输条例》|《道路货物运输及站场管理规定》|《公路安全保护条例》|《国内水路运输管理条例》"_s,
            u"道路运输证 货运 客运 运输 出租车"_s),
        department(u"culture"_s, u"区文化和广电旅游体育局"_s, u"WH"_s, 3,
            u"娱乐场所经营:L 互联网上网服务营业场所:L 印刷经营:L 出版物零售:L 旅行社业务经营:L "
            u"高危险性体育项目经营:L "
            "卫星电视广播地面接收设施安装服务:L 营业性演出:A 文物保护单位保护范围内建设工程:A 艺术品经营单位:F"_s,
            u"venue-type:经营场所属于哪一类？"_s,
            u"ktv:歌舞娱乐场所|arcade:游艺娱乐场所|netcafe:互联网上网服务营业场所|print:印刷企业|books:"
            u"出版物零售店|"
            "gym:体育健身场所|travel:旅行社门店"_s,
            u"《娱乐场所管理条例》|《印刷业管理条例》|《营业性演出管理条例》|《互联网上网服务营业场所管理条例》|《旅行社条例》"_s,
            u"文化 娱乐 网吧 印刷 演出 旅游"_s),
        department(u"environment"_s, u"市生态环境局鹿城分局"_s, u"HB"_s, 2,
            u"建设项目环境影响报告表:A 建设项目环境影响报告书:A 污染防治设施拆除或闲置:A 排污:L "
            u"危险废物经营:L "
            "辐射安全:L 建设项目环境影响登记表:F 建设项目竣工环境保护验收:F"_s,
            u"industry:项目所属行业？"_s,
            u"manufacturing:一般制造业|food:农副食品加工业|medical:医疗卫生|chemical:"
            u"化学原料和化学制品制造业|"
            "realestate:房地产开发|services:居民服务业"_s,
            u"《中华人民共和国环境影响评价法》|《建设项目环境保护管理条例》|《排污许可管理条例》|"
            "《放射性同位素与射线装置安全和防护条例》"_s,
            u"环评 环保 排污 辐射"_s),
        department(u"housing"_s, u"区住房和城乡建设局"_s, u"JS"_s, 4,
            u"建筑工程施工:L 商品房预售:L 燃气经营:L 城镇污水排入排水管网:L 建设工程消防验收:F "
            u"物业服务项目:F "
            "房屋租赁登记:F 拆除工程施工:F 房屋建筑和市政基础设施工程竣工验收:F 建设工程消防设计审查:N "
            "建筑业企业资质:C 城市建筑垃圾处置:A"_s,
            u"project-type:工程类别？"_s,
            u"house:房屋建筑工程|municipal:市政基础设施工程|decoration:装饰装修工程|renovation:"
            u"既有建筑改造工程|"
            "temporary:临时建筑工程"_s,
            u"《中华人民共和国建筑法》|《建设工程质量管理条例》|《城镇燃气管理条例》|《城镇排水与污水处理条例》"_s,
            u"施工许可 消防验收 住建 燃气 物业"_s),
        department(u"natural-resources"_s, u"市自然资源和规划局鹿城分局"_s, u"ZR"_s, 2,
            u"建设工程规划:L 建设用地规划:L 乡村建设规划:L 临时用地:A 建设项目用地预审与选址意见书:S "
            u"测绘作业证:S "
            "地质灾害危险性评估:F"_s,
            u"land-use:土地用途？"_s,
            u"residential:住宅用地|commercial:商服用地|industrial:工业用地|public:公共管理与公共服务用地|homestead:宅基地"_s,
            u"《中华人民共和国城乡规划法》|《中华人民共和国土地管理法》|《中华人民共和国测绘法》"_s,
            u"规划 用地 选址"_s),
        department(u"real-estate"_s, u"区不动产登记服务中心"_s, u"BD"_s, 8,
            u"国有建设用地使用权及房屋所有权:D 集体土地所有权:D 宅基地使用权及房屋所有权:D 林权:D "
            u"海域使用权:D "
            "预告:G 居住权:G"_s,
            u"acquire:不动产取得方式？"_s,
            u"purchase:买卖|inherit:继承、受遗赠|gift:赠与|divorce:离婚析产|court:人民法院判决|relocation:拆迁安置"_s,
            u"《不动产登记暂行条例》|《不动产登记暂行条例实施细则》|《中华人民共和国民法典》"_s,
            u"不动产 房产证 过户 抵押 产权"_s),
        department(u"civil-affairs"_s, u"区民政局"_s, u"MZ"_s, 4,
            u"社会团体:R 民办非企业单位:R 养老机构:F 婚姻:M 最低生活保障:P 特困人员救助供养:P "
            u"残疾人两项补贴:P "
            "临时救助:X 地名命名更名:A 慈善组织公开募捐资格:C"_s,
            u"household:申请人家庭情况？"_s,
            u"urban:城镇户籍家庭|rural:农村户籍家庭|disabled:重度残疾人家庭|elderly:高龄老人家庭|single-parent:单亲家庭"_s,
            u"《社会团体登记管理条例》|《民办非企业单位登记管理暂行条例》|《婚姻登记条例》|《社会救助暂行办法》"_s,
            u"民政 结婚 低保 养老 救助"_s),
        department(u"human-resources"_s, u"区人力资源和社会保障局"_s, u"RS"_s, 7,
            u"社会保险参保:G 失业保险金:P 职工基本养老保险待遇:P 灵活就业人员社会保险补贴:P 一次性创业补贴:P "
            u"工伤:C "
            "就业困难人员:C 劳务派遣经营:L 人力资源服务:L 民办职业培训学校:L 特殊工时工作制:A 职业技能等级证书:S"_s,
            u"insured-type:参保人员类别？"_s,
            u"employee:企业职工|flexible:灵活就业人员|official:机关事业单位工作人员|resident:城乡居民"_s,
            u"《中华人民共和国社会保险法》|《失业保险条例》|《劳务派遣行政许可实施办法》|《工伤保险条例》"_s,
            u"社保 养老 失业 就业 工伤"_s),
        department(u"education"_s, u"区教育局"_s, u"JY"_s, 3,
            u"民办学校:A 幼儿园:A 校外培训机构:L 教师资格:C 教师资格证书:S 适龄儿童少年入学:X 中小学生转学:X"_s,
            u"school-level:办学层次？"_s,
            u"kindergarten:学前教育|primary:小学|junior:初级中学|senior:高级中学|training:非学科类培训"_s,
            u"《中华人民共和国民办教育促进法》|《教师资格条例》|《中华人民共和国义务教育法》"_s,
            u"教育 学校 培训 教师资格 入学"_s),
        department(u"agriculture"_s, u"区农业农村局"_s, u"NY"_s, 2,
            u"农药经营:L 兽药经营:L 农作物种子生产经营:L 动物诊疗:L 生鲜乳收购站:L 动物防疫条件合格证:S "
            "渔业船舶:G 拖拉机和联合收割机:G"_s,
            u"product-type:经营品种？"_s,
            u"pesticide:农药|veterinary:兽药|seed:农作物种子|feed:饲料和饲料添加剂|fertiliser:肥料"_s,
            u"《农药管理条例》|《兽药管理条例》|《中华人民共和国种子法》|《中华人民共和国动物防疫法》"_s,
            u"农业 农药 兽药 种子 渔船"_s),
        department(u"water"_s, u"区水利局"_s, u"SL"_s, 1,
            u"取水:L 河道管理范围内建设项目:A 生产建设项目水土保持方案:A 占用农业灌溉水源和灌排工程设施:A "
            "洪水影响评价:A 水利工程质量监督:F"_s,
            u"water-project:涉水项目类型？"_s,
            u"bridge:桥梁|pipeline:管线穿越|dock:码头|embankment:堤防护岸|intake:取水口"_s,
            u"《中华人民共和国水法》|《取水许可和水资源费征收管理条例》|《中华人民共和国水土保持法》|《中华人民共和国河道管理条例》"_s,
            u"水利 取水 河道 水土保持"_s),
        department(u"emergency"_s, u"区应急管理局"_s, u"YJ"_s, 1,
            u"危险化学品经营:L 烟花爆竹经营（零售）:L 非药品类易制毒化学品经营:F "
            u"生产经营单位生产安全事故应急预案:F "
            "危险化学品建设项目安全条件:A"_s,
            u"chem-mode:经营方式？"_s,
            u"storage:带有储存设施经营|no-storage:不带储存设施经营|pipeline:管道输送|retail:零售"_s,
            u"《危险化学品安全管理条例》|《烟花爆竹安全管理条例》|《生产安全事故应急预案管理办法》"_s,
            u"危化品 烟花爆竹 应急 安全生产"_s),
        department(u"public-security"_s, u"市公安局鹿城分局"_s, u"GA"_s, 9,
            u"居民身份证:S 临时居民身份证:S 居住证:S 往来港澳通行证:S 普通护照:S 机动车驾驶证:S 户口:H "
            u"机动车:D "
            "旅馆业特种行业:L 典当业特种行业:L 保安服务:L 大型群众性活动安全:L 剧毒化学品购买:L 公章刻制:F 犬类:G"_s,
            u"household-type:户籍情形？"_s,
            u"local:本区户籍|province:省内跨市|outside:外省户籍|overseas:港澳台居民及华侨|military:现役军人"_s,
            u"《中华人民共和国居民身份证法》|《中华人民共和国户口登记条例》|《旅馆业治安管理办法》|"
            "《大型群众性活动安全管理条例》|《居住证暂行条例》"_s,
            u"身份证 户口 公安 居住证 护照"_s),
        department(u"fire"_s, u"区消防救援大队"_s, u"XF"_s, 2,
            u"公众聚集场所投入使用、营业前消防安全检查:N 大型群众性活动消防安全检查:N 消防技术服务机构:F"_s,
            u"venue:场所类型？"_s,
            u"hotel:宾馆饭店|mall:商场市场|entertainment:歌舞娱乐场所|school:学校幼儿园|care:医院养老院|workshop:生产加工车间"_s,
            u"《中华人民共和国消防法》|《公众聚集场所投入使用、营业前消防安全检查规则》"_s,
            u"消防 消防检查 安全检查"_s),
        department(u"tax"_s, u"区税务局"_s, u"SW"_s, 8,
            u"税务:G 增值税一般纳税人:G 发票:I 个人所得税:J 跨区域涉税事项:F 出口退（免）税:F 契税:T "
            u"房产税:T "
            "城镇土地使用税:T 车船税:T 印花税:T"_s,
            u"taxpayer:纳税人类型？"_s,
            u"general:一般纳税人|small:小规模纳税人|individual:个体工商户|natural:自然人|nonresident:非居民企业"_s,
            u"《中华人民共和国税收征收管理法》|《中华人民共和国发票管理办法》|《中华人民共和国个人所得税法》|《中华人民共和国契税法》"_s,
            u"税务 发票 纳税 个税 契税"_s),
        department(u"finance"_s, u"区财政局"_s, u"CZ"_s, 1, u"代理记账:L 政府采购供应商:F 资产评估机构:F"_s,
            u"org-form:机构组织形式？"_s, u"company:公司|partnership:合伙企业|branch:分支机构"_s,
            u"《代理记账管理办法》|《中华人民共和国会计法》|《中华人民共和国资产评估法》"_s,
            u"财政 代理记账 会计"_s),
        department(u"development"_s, u"区发展和改革局"_s, u"FG"_s, 2,
            u"企业投资项目:F 粮食收购:F 政府投资项目可行性研究报告:A 固定资产投资项目节能:A"_s,
            u"invest-type:项目性质？"_s, u"new:新建|expansion:扩建|rebuild:改建|upgrade:技术改造"_s,
            u"《企业投资项目核准和备案管理条例》|《固定资产投资项目节能审查办法》|《粮食流通管理条例》"_s,
            u"发改 投资项目 立项 节能"_s),
        department(u"economy"_s, u"区经济和信息化局"_s, u"JX"_s, 1,
            u"无线电台（站）设置:A 电力设施保护区施工作业:A 工业企业技术改造投资项目:F"_s,
            u"work-zone:作业区域？"_s,
            u"overhead:架空电力线路保护区|cable:电力电缆线路保护区|substation:变电站周边区域"_s,
            u"《中华人民共和国无线电管理条例》|《电力设施保护条例》"_s, u"经信 无线电 技改"_s),
        department(u"commerce"_s, u"区商务局"_s, u"SB"_s, 1,
            u"对外贸易经营者:F 单用途商业预付卡:F 再生资源回收经营者:F 成品油零售经营:L 报废机动车回收拆解企业资质:C"_s,
            u"trade:经营类别？"_s, u"import:进口|export:出口|both:进出口|processing:加工贸易"_s,
            u"《中华人民共和国对外贸易法》|《单用途商业预付卡管理办法（试行）》|《报废机动车回收管理办法》"_s,
            u"商务 外贸 预付卡 成品油"_s),
        department(u"justice"_s, u"区司法局"_s, u"SF"_s, 1,
            u"法律援助:X 人民调解:X 公证:X 基层法律服务工作者执业:G 律师事务所:G"_s,
            u"case-type:事项类别？"_s,
            u"labour:劳动争议|marriage:婚姻家庭|traffic:交通事故|contract:合同纠纷|neighbour:邻里纠纷"_s,
            u"《中华人民共和国法律援助法》|《中华人民共和国人民调解法》|《中华人民共和国公证法》"_s,
            u"司法 法律援助 调解 公证"_s),
        department(u"veterans"_s, u"区退役军人事务局"_s, u"TY"_s, 1,
            u"优抚对象抚恤补助:P 退役士兵自主就业一次性经济补助:P 烈士褒扬金:P 退役军人优待证:S"_s,
            u"veteran-type:人员类别？"_s,
            u"soldier:退役士兵|officer:退役军官|disabled:残疾军人|martyr-family:烈士遗属"_s,
            u"《中华人民共和国退役军人保障法》|《军人抚恤优待条例》|《烈士褒扬条例》"_s,
            u"退役军人 优抚 优待证"_s),
        department(u"medical-security"_s, u"区医疗保障局"_s, u"YB"_s, 5,
            u"城乡居民基本医疗保险参保:G 异地就医:F 门诊慢特病:C 医疗费用零星报销:X 定点医药机构:X "
            u"医疗救助:X "
            "生育保险待遇:P"_s,
            u"medical-insured:参保类型？"_s,
            u"employee:职工基本医疗保险|resident:城乡居民基本医疗保险|flexible:灵活就业人员医疗保险|retiree:退休人员医疗保险"_s,
            u"《中华人民共和国社会保险法》|《医疗保障基金使用监督管理条例》"_s, u"医保 报销 异地就医 慢病"_s),
        department(u"urban-management"_s, u"区综合行政执法局"_s, u"ZF"_s, 3,
            u"城市道路挖掘:A 户外广告设施设置:A 临时占用城市道路:A 砍伐、迁移城市树木:A 建筑垃圾运输:A "
            u"夜间施工:A "
            "店招店牌设置:F"_s,
            u"site:所在位置？"_s,
            u"arterial:城市主干道|secondary:城市次干道|square:广场及公共绿地|residential:居住区内部道路|scenic:风景名胜区"_s,
            u"《城市道路管理条例》|《城市市容和环境卫生管理条例》|《城市绿化条例》"_s,
            u"城管 挖掘 占道 广告 店招"_s),
        department(u"civil-defence"_s, u"区人民防空办公室"_s, u"RF"_s, 1,
            u"人民防空工程竣工验收:F 人民防空工程平时使用:G 防空地下室易地建设:A 人民防空警报设施拆除:A"_s,
            u"shelter-type:工程类别？"_s,
            u"basement:结建防空地下室|standalone:单建人防工程|tunnel:坑道工程"_s,
            u"《中华人民共和国人民防空法》|《人民防空工程平时开发利用管理办法》"_s, u"人防 防空地下室"_s),
        department(u"ethnic-religion"_s, u"区民族宗教事务局"_s, u"MR"_s, 0.5,
            u"宗教活动场所设立:A 宗教临时活动地点:A 宗教活动场所内改建或者新建建筑物:A 宗教教职人员:F"_s,
            u"religion:宗教类别？"_s,
            u"buddhism:佛教|taoism:道教|islam:伊斯兰教|catholic:天主教|christian:基督教"_s,
            u"《宗教事务条例》"_s, u"宗教 民宗"_s),
        department(u"statistics"_s, u"区统计局"_s, u"TJ"_s, 0.5, u"部门统计调查项目:A 统计执法证:S"_s,
            u"survey:调查对象？"_s, u"enterprises:企业|households:住户|institutions:机关事业单位"_s,
            u"《中华人民共和国统计法》|《中华人民共和国统计法实施条例》"_s, u"统计 调查"_s),
        department(u"archives"_s, u"区档案馆"_s, u"DA"_s, 1, u"档案查阅:X 婚姻登记档案查询:X"_s,
            u"archive-type:档案类别？"_s,
            u"marriage:婚姻登记档案|enterprise:企业登记档案|land:土地房产档案|personnel:知青、招工档案"_s,
            u"《中华人民共和国档案法》"_s, u"档案 查档"_s),
        department(u"meteorology"_s, u"区气象局"_s, u"QX"_s, 0.5,
            u"升放无人驾驶自由气球或者系留气球:A 雷电防护装置设计:A 雷电防护装置竣工验收:F"_s,
            u"building:建设项目类别？"_s,
            u"high-rise:高层建筑|fuel:油库、气库|explosive:弹药、火工品库|public:大型公共建筑"_s,
            u"《中华人民共和国气象法》|《防雷减灾管理办法》|《通用航空飞行管制条例》"_s, u"气象 防雷 气球"_s),
        department(u"tobacco"_s, u"区烟草专卖局"_s, u"YC"_s, 2, u"烟草专卖零售:L"_s,
            u"shop-type:经营场所类型？"_s,
            u"convenience:便利店|supermarket:超市|grocery:食杂店|hotel-shop:宾馆商店|kiosk:报刊亭"_s,
            u"《中华人民共和国烟草专卖法》|《中华人民共和国烟草专卖法实施条例》"_s, u"烟草 烟草证 零售"_s),
        department(u"housing-fund"_s, u"温州市住房公积金管理中心鹿城分中心"_s, u"GJ"_s, 6,
            u"住房公积金缴存:G 住房公积金提取:X 住房公积金个人住房贷款:X 住房公积金汇缴基数调整:X"_s,
            u"withdraw-reason:提取原因？"_s,
            u"purchase:购买自住住房|rent:租赁住房|repay:偿还住房贷款|retire:离休、退休|leave:离开本市"_s,
            u"《住房公积金管理条例》|《浙江省住房公积金条例》"_s, u"公积金 提取 贷款"_s),
        department(u"disabled-persons"_s, u"区残疾人联合会"_s, u"CL"_s, 1,
            u"残疾人证:S 残疾人辅助器具适配补贴:P 残疾人就业创业扶持:X"_s, u"disability:残疾类别？"_s,
            u"vision:视力残疾|hearing:听力残疾|speech:言语残疾|physical:肢体残疾|intellectual:智力残疾|mental:精神残疾"_s,
            u"《中华人民共和国残疾人保障法》|《残疾人就业条例》"_s, u"残疾人证 残联 补贴"_s),
        department(u"science"_s, u"区科学技术局"_s, u"KJ"_s, 1,
            u"高新技术企业:C 科技型中小企业:C 技术合同:G"_s, u"tech-field:技术领域？"_s,
            u"electronics:电子信息|bio:生物与新医药|materials:新材料|energy:新能源与节能|manufacturing:先进制造与自动化"_s,
            u"《中华人民共和国科学技术进步法》|《高新技术企业认定管理办法》|《技术合同认定登记管理办法》"_s,
            u"科技 高新技术 技术合同"_s),
    };
    // clang-format on
    return list;
}

const QList<Action> &SyntheticVocabulary::actions(QChar family)
{
    using K = Action::Kind;
    // clang-format off: one entry per line reads better than the formatter's wrapping
    static const QHash<QChar, QList<Action>> families = {
        {u'L',
            {{u"%1许可（新办）"_s, u"新办"_s, 1, 0.05, K::New},
                {u"%1许可（延续）"_s, u"延续"_s, 0.5, 0.1, K::Renew},
                {u"%1许可（变更）"_s, u"变更"_s, 0.4, 0.2, K::Change},
                {u"%1许可（注销）"_s, u"注销"_s, 0.15, 0.5, K::Cancel},
                {u"%1许可证补办"_s, u"补办"_s, 0.1, 0.3, K::Reissue},
                {u"%1许可（告知承诺）"_s, u"告知承诺"_s, 0.3, 0.3, K::New}}},
        {u'R',
            {{u"%1设立登记"_s, u"设立"_s, 1, 0.3, K::New}, {u"%1变更登记"_s, u"变更"_s, 0.6, 0.3, K::Change},
                {u"%1注销登记"_s, u"注销"_s, 0.3, 0.3, K::Cancel},
                {u"%1简易注销登记"_s, u"简易注销"_s, 0.2, 0.6, K::Cancel},
                {u"%1备案"_s, u"备案"_s, 0.3, 0.6, K::Other},
                {u"%1迁移登记"_s, u"迁移"_s, 0.1, 0.2, K::Change}}},
        {u'G',
            {{u"%1登记"_s, u"登记"_s, 1, 0.2, K::New}, {u"%1变更登记"_s, u"变更"_s, 0.5, 0.3, K::Change},
                {u"%1注销登记"_s, u"注销"_s, 0.2, 0.5, K::Cancel},
                {u"%1登记证补领"_s, u"补领"_s, 0.1, 0.6, K::Reissue}}},
        {u'F',
            {{u"%1备案"_s, u"备案"_s, 1, 0.6, K::New}, {u"%1备案变更"_s, u"变更"_s, 0.4, 0.6, K::Change},
                {u"%1备案注销"_s, u"注销"_s, 0.15, 0.8, K::Cancel}}},
        {u'A',
            {{u"%1审批"_s, u"审批"_s, 1, 0.05, K::New}, {u"%1核准"_s, u"核准"_s, 0.6, 0.05, K::Other},
                {u"%1审批（变更）"_s, u"变更"_s, 0.3, 0.1, K::Change},
                {u"%1审批（延期）"_s, u"延期"_s, 0.2, 0.1, K::Renew}}},
        {u'C',
            {{u"%1认定"_s, u"认定"_s, 1, 0.05, K::New}, {u"%1认定（变更）"_s, u"变更"_s, 0.3, 0.2, K::Change},
                {u"%1证书补发"_s, u"补发"_s, 0.15, 0.5, K::Reissue},
                {u"%1证书注销"_s, u"注销"_s, 0.1, 0.5, K::Cancel}}},
        {u'S',
            {{u"%1核发"_s, u"核发"_s, 1, 0.2, K::New}, {u"%1换领"_s, u"换领"_s, 0.7, 0.3, K::Renew},
                {u"%1补领"_s, u"补领"_s, 0.4, 0.3, K::Reissue}}},
        {u'P',
            {{u"%1申领"_s, u"申领"_s, 1, 0.2, K::New}, {u"%1变更"_s, u"变更"_s, 0.3, 0.5, K::Change},
                {u"%1停发"_s, u"停发"_s, 0.15, 0.7, K::Cancel}}},
        {u'X',
            {{u"%1申请"_s, u"申请"_s, 1, 0.4, K::New}, {u"%1申请（代办）"_s, u"代办"_s, 0.3, 0.4, K::Other}}},
        {u'D',
            {{u"%1首次登记"_s, u"首次登记"_s, 1, 0.05, K::New},
                {u"%1转移登记"_s, u"过户"_s, 1.2, 0.05, K::Other},
                {u"%1变更登记"_s, u"变更"_s, 0.5, 0.2, K::Change},
                {u"%1抵押登记"_s, u"抵押"_s, 0.8, 0.3, K::Other},
                {u"%1注销登记"_s, u"注销"_s, 0.2, 0.5, K::Cancel},
                {u"%1更正登记"_s, u"更正"_s, 0.1, 0.2, K::Change}}},
        {u'N',
            {{u"%1"_s, u"检查"_s, 1, 0.05, K::New},
                {u"%1（告知承诺方式）"_s, u"告知承诺"_s, 0.5, 0.3, K::New}}},
        {u'I',
            {{u"%1领用"_s, u"领用"_s, 1, 0.9, K::New}, {u"%1代开"_s, u"代开"_s, 0.8, 0.9, K::Other},
                {u"%1验旧缴销"_s, u"缴销"_s, 0.4, 0.9, K::Cancel}}},
        {u'J',
            {{u"%1综合所得汇算清缴"_s, u"汇算清缴"_s, 1, 0.6, K::Other},
                {u"%1纳税记录开具"_s, u"纳税记录"_s, 0.6, 0.9, K::Other}}},
        {u'T',
            {{u"%1申报"_s, u"申报"_s, 1, 0.8, K::Other}, {u"%1减免申请"_s, u"减免"_s, 0.3, 0.3, K::Other}}},
        {u'M',
            {{u"内地居民结婚登记"_s, u"结婚"_s, 1, 0.95, K::New},
                {u"内地居民离婚登记"_s, u"离婚"_s, 0.4, 0.3, K::Cancel},
                {u"补领婚姻登记证"_s, u"补领"_s, 0.2, 0.9, K::Reissue}}},
        {u'H',
            {{u"%1迁入"_s, u"迁入"_s, 1, 0.5, K::New}, {u"%1迁出"_s, u"迁出"_s, 0.6, 0.5, K::Cancel},
                {u"%1登记项目变更"_s, u"变更"_s, 0.3, 0.3, K::Change}}},
    };
    // clang-format on
    static const QList<Action> none;
    const auto it = families.constFind(family);
    return it == families.cend() ? none : *it;
}

const QList<DocumentKind> &SyntheticVocabulary::documents()
{
    // %1 is the topic's noun, %2 the noun with its family's word (公共场所卫生许可), %3 the document the
    // family's matters issue (公共场所卫生许可证). Sources left empty are filled with the department's name.
    // clang-format off: one entry per line reads better than the formatter's wrapping
    static const QList<DocumentKind> list = {
        {u"application-form"_s, u"%2申请表"_s, u"form"_s, u"original"_s, u"申请人自备"_s},
        {u"application"_s, u"%2申请书"_s, u"application"_s, u"original"_s, u"申请人自备"_s},
        {u"pledge"_s, u"%2告知承诺书"_s, u"pledge"_s, u"original"_s, u"申请人自备"_s},
        {u"floor-plan"_s, u"%1场所平面布局图"_s, u"technical"_s, u"original"_s, u"申请人自备"_s},
        {u"licence"_s, u"%3"_s, u"certificate"_s, u"verify-original-keep-copy"_s, {}},
        {u"staff-health"_s, u"%1从业人员健康合格证明"_s, u"certificate"_s, u"verify-original-keep-copy"_s,
            u"疾病预防控制机构"_s},
        {u"equipment-list"_s, u"%1主要设备设施清单"_s, u"form"_s, u"original"_s, u"申请人自备"_s},
        {u"rules"_s, u"%1管理制度文本"_s, u"other"_s, u"original"_s, u"申请人自备"_s},
        {u"test-report"_s, u"%1检测报告"_s, u"technical"_s, u"original"_s, u"有资质的检测机构"_s},
        {u"staff-roster"_s, u"%1从业人员名册"_s, u"form"_s, u"original"_s, u"申请人自备"_s},
        {u"location-map"_s, u"%1场所位置示意图"_s, u"technical"_s, u"copy"_s, u"申请人自备"_s},
        {u"qualification"_s, u"%1专业技术人员资格证书"_s, u"certificate"_s, u"verify-original-keep-copy"_s,
            u"人力资源和社会保障部门"_s},
        {u"assessment"_s, u"%1评价报告"_s, u"technical"_s, u"original"_s, u"有资质的评价机构"_s},
        {u"emergency-plan"_s, u"%1突发事件应急预案"_s, u"technical"_s, u"original"_s, u"申请人自备"_s},
        {u"safety-pledge"_s, u"%1安全责任承诺书"_s, u"pledge"_s, u"original"_s, u"申请人自备"_s},
        {u"design"_s, u"%1设计方案"_s, u"technical"_s, u"original"_s, u"设计单位"_s},
        {u"process"_s, u"%1工艺流程说明"_s, u"technical"_s, u"original"_s, u"申请人自备"_s},
        {u"change-application"_s, u"%1变更申请书"_s, u"application"_s, u"original"_s, u"申请人自备"_s},
        {u"cancel-application"_s, u"%1注销申请书"_s, u"application"_s, u"original"_s, u"申请人自备"_s},
        {u"acceptance-report"_s, u"%1竣工验收报告"_s, u"technical"_s, u"original"_s, u"建设单位"_s},
        {u"site-lease"_s, u"%1场所租赁合同"_s, u"other"_s, u"copy"_s, u"申请人自备"_s},
        {u"audit-report"_s, u"%1财务审计报告"_s, u"technical"_s, u"copy"_s, u"会计师事务所"_s},
        {u"insurance"_s, u"%1责任保险单"_s, u"other"_s, u"copy"_s, u"保险机构"_s},
        {u"training"_s, u"%1从业人员培训合格证明"_s, u"certificate"_s, u"original"_s, u"培训机构"_s},
        {u"service-contract"_s, u"%1委托服务合同"_s, u"other"_s, u"copy"_s, u"申请人自备"_s},
        {u"site-photos"_s, u"%1场所实景照片"_s, u"other"_s, u"original"_s, u"申请人自备"_s},
        {u"qualification-cert"_s, u"%1资质证书"_s, u"certificate"_s, u"verify-original-keep-copy"_s, {}},
        {u"register-form"_s, u"%1信息登记表"_s, u"form"_s, u"original"_s, u"申请人自备"_s},
    };
    // clang-format on
    return list;
}

const QList<CommonMaterial> &SyntheticVocabulary::commonMaterials()
{
    // The first eight are the guide's own example table (户口本, 身份证, 银行卡, 个人征信报告 …).
    // clang-format off: one entry per line reads better than the formatter's wrapping
    static const QList<CommonMaterial> list = {
        {u"id-card"_s, u"居民身份证"_s, u"certificate"_s, u"verify-original-keep-copy"_s, u"公安局"_s, false},
        {u"household-register"_s, u"居民户口簿"_s, u"certificate"_s, u"verify-original-keep-copy"_s,
            u"公安局"_s, false},
        {u"bank-card"_s, u"银行卡"_s, u"certificate"_s, u"verify-original-keep-copy"_s, u"开户银行"_s, false},
        {u"credit-report"_s, u"个人征信报告"_s, u"other"_s, u"original"_s, u"中国人民银行征信中心"_s, false},
        {u"income-proof"_s, u"收入证明"_s, u"other"_s, u"original"_s, u"申请人工作单位"_s, false},
        {u"property-certificate"_s, u"不动产权证书"_s, u"certificate"_s, u"verify-original-keep-copy"_s,
            u"不动产登记机构"_s, true},
        {u"vat-invoice"_s, u"增值税普通发票"_s, u"certificate"_s, u"copy"_s, u"税务局"_s, false},
        {u"tax-payment-voucher"_s, u"税收缴款书"_s, u"certificate"_s, u"copy"_s, u"税务局"_s, true},
        {u"business-licence"_s, u"营业执照"_s, u"certificate"_s, u"verify-original-keep-copy"_s,
            u"市场监督管理局"_s, true},
        {u"legal-rep-cert"_s, u"法定代表人身份证明书"_s, u"form"_s, u"original"_s, u"申请人自备"_s, false},
        {u"authorisation"_s, u"授权委托书"_s, u"form"_s, u"original"_s, u"申请人自备"_s, false},
        {u"agent-id-card"_s, u"受托人居民身份证"_s, u"certificate"_s, u"verify-original-keep-copy"_s,
            u"公安局"_s, false},
        {u"lease-contract"_s, u"房屋租赁合同"_s, u"other"_s, u"copy"_s, u"申请人自备"_s, false},
        {u"free-use-proof"_s, u"房屋无偿使用证明"_s, u"other"_s, u"original"_s, u"房屋产权人"_s, false},
        {u"residential-consent"_s, u"住改商利害关系业主同意证明"_s, u"other"_s, u"original"_s,
            u"居民委员会"_s, false},
        {u"prior-approval"_s, u"前置审批许可证件"_s, u"certificate"_s, u"verify-original-keep-copy"_s,
            u"审批部门"_s, false},
        {u"institution-cert"_s, u"事业单位法人证书"_s, u"certificate"_s, u"verify-original-keep-copy"_s,
            u"事业单位登记管理机关"_s, true},
        {u"hk-macao-permit"_s, u"港澳居民来往内地通行证"_s, u"certificate"_s, u"verify-original-keep-copy"_s,
            u"出入境管理部门"_s, false},
        {u"taiwan-permit"_s, u"台湾居民来往大陆通行证"_s, u"certificate"_s, u"verify-original-keep-copy"_s,
            u"出入境管理部门"_s, false},
        {u"passport"_s, u"护照"_s, u"certificate"_s, u"verify-original-keep-copy"_s, u"签发国主管机关"_s,
            false},
        {u"residence-permit"_s, u"居住证"_s, u"certificate"_s, u"verify-original-keep-copy"_s, u"公安局"_s,
            true},
        {u"marriage-cert"_s, u"结婚证"_s, u"certificate"_s, u"verify-original-keep-copy"_s, u"民政局"_s,
            true},
        {u"loss-statement"_s, u"遗失声明"_s, u"pledge"_s, u"original"_s, u"申请人自备"_s, false},
        {u"name-notice"_s, u"企业名称自主申报告知书"_s, u"certificate"_s, u"original"_s, u"市场监督管理局"_s,
            true},
        {u"shareholder-resolution"_s, u"股东会决议"_s, u"other"_s, u"original"_s, u"申请人自备"_s, false},
        {u"articles"_s, u"公司章程"_s, u"other"_s, u"original"_s, u"申请人自备"_s, false},
        {u"fire-check"_s, u"公众聚集场所投入使用、营业前消防安全检查合格证"_s, u"certificate"_s,
            u"verify-original-keep-copy"_s, u"消防救援机构"_s, true},
        {u"aircon-report"_s, u"集中空调通风系统卫生检测报告"_s, u"technical"_s, u"original"_s,
            u"有资质的检测机构"_s, false},
        {u"hazard-assessment"_s, u"危险化学品储存安全评价报告"_s, u"technical"_s, u"original"_s,
            u"有资质的评价机构"_s, false},
        {u"franchise-contract"_s, u"特许经营合同"_s, u"other"_s, u"copy"_s, u"申请人自备"_s, false},
        {u"parent-licence"_s, u"隶属企业营业执照"_s, u"certificate"_s, u"copy"_s, u"市场监督管理局"_s, true},
        {u"photo"_s, u"近期免冠彩色照片"_s, u"other"_s, u"original"_s, u"申请人自备"_s, false},
        {u"social-insurance-proof"_s, u"社会保险参保缴费证明"_s, u"certificate"_s, u"original"_s,
            u"人力资源和社会保障局"_s, true},
        {u"diploma"_s, u"毕业证书"_s, u"certificate"_s, u"verify-original-keep-copy"_s, u"教育机构"_s, false},
        {u"test-contract"_s, u"委托检测合同"_s, u"other"_s, u"copy"_s, u"申请人自备"_s, false},
        {u"tax-clearance"_s, u"清税证明"_s, u"certificate"_s, u"original"_s, u"税务局"_s, true},
    };
    // clang-format on
    return list;
}

const QList<QuestionKind> &SyntheticVocabulary::questionKinds()
{
    using T = QuestionKind::Type;
    const QStringList none {u"-"_s};
    const QStringList pool;
    // A "-" option requires nothing of its own; an empty list draws one or two topic materials.
    // clang-format off: one entry per line reads better than the formatter's wrapping
    static const QList<QuestionKind> list = {
        {u"applicant"_s, u"申请人类型？"_s, {}, T::Single,
            choices(u"person:自然人|enterprise:企业法人|organisation:其他组织"_s),
            {{u"household-register"_s}, {u"business-licence"_s, u"legal-rep-cert"_s},
                {u"institution-cert"_s}},
            {}, {}},
        {u"premises"_s, u"经营场所权属？"_s, u"以不动产权证书或租赁合同为准"_s, T::Single,
            choices(u"own:自有房产|lease:租赁房产|free:无偿使用"_s),
            {{u"property-certificate"_s}, {u"lease-contract"_s}, {u"free-use-proof"_s}}, {}, {}},
        {u"identity"_s, u"申请人身份？"_s, {}, T::Single,
            choices(u"mainland:内地居民|hkmo:港澳居民|taiwan:台湾居民|foreign:外国人"_s),
            {none, {u"hk-macao-permit"_s}, {u"taiwan-permit"_s}, {u"passport"_s}}, {}, {}},
        {u"build-type"_s, u"建设性质？"_s, {}, T::Single, choices(u"new:新建|extend:扩建|rebuild:改建"_s),
            {pool, pool, pool}, {}, {}},
        {u"operation"_s, u"经营方式？"_s, {}, T::Single,
            choices(u"direct:直营|franchise:加盟|online:网络经营"_s), {none, {u"franchise-contract"_s}, pool},
            {}, {}},
        {u"scale"_s, u"经营规模？"_s, u"按从业人员和营业收入划分"_s, T::Single,
            choices(u"small:小型|medium:中型|large:大型"_s), {none, pool, pool}, {}, {}},
        {u"reissue"_s, u"补办原因？"_s, {}, T::Single, choices(u"lost:证件遗失|damaged:证件损毁"_s),
            {{u"loss-statement"_s}, pool}, {}, {}},
        {u"first-time"_s, u"是否首次申请？"_s, {}, T::Single,
            choices(u"yes:是，首次申请|no:否，曾经取得过"_s), {none, pool}, {}, {}},
        {u"agent"_s, u"是否委托代理人办理？"_s, {}, T::Single,
            choices(u"yes:是，委托代理人|no:否，本人办理"_s),
            {{u"authorisation"_s, u"agent-id-card"_s}, none}, {}, {}},
        {u"residential"_s, u"是否将住宅改变为经营性用房？"_s, {}, T::Single, choices(u"yes:是|no:否"_s),
            {{u"residential-consent"_s}, none}, {}, {}},
        {u"prior-permit"_s, u"经营范围是否涉及前置审批事项？"_s, u"对照前置审批事项目录"_s, T::Single,
            choices(u"yes:是|no:否"_s), {{u"prior-approval"_s}, none}, {}, {}},
        {u"branch"_s, u"申请人是否为分支机构？"_s, {}, T::Single, choices(u"yes:是|no:否"_s),
            {{u"parent-licence"_s}, none}, {}, {}},
        {u"aircon"_s, u"是否设有集中空调通风系统？"_s, {}, T::Single, choices(u"yes:是|no:否"_s),
            {{u"aircon-report"_s}, none}, {}, {}},
        {u"hazard"_s, u"是否储存危险化学品？"_s, {}, T::Single, choices(u"yes:是|no:否"_s),
            {{u"hazard-assessment"_s}, none}, {}, {}},
        {u"outsourced"_s, u"是否委托第三方检测？"_s, {}, T::Single, choices(u"yes:是|no:否"_s),
            {{u"test-contract"_s}, none}, {}, {}},
        {u"overdue"_s, u"是否在有效期届满三十日前提出申请？"_s, {}, T::Single,
            choices(u"yes:是|no:否，已逾期"_s), {none, pool}, {}, {}},
        {u"public-venue"_s, u"是否属于公众聚集场所？"_s, {}, T::Single, choices(u"yes:是|no:否"_s),
            {{u"fire-check"_s}, none}, {}, {}},
        {u"chain"_s, u"是否为连锁经营门店？"_s, {}, T::Single, choices(u"yes:是|no:否"_s), {pool, none}, {},
            {}},
        {u"change-items"_s, u"本次变更哪些事项？"_s, u"可多选"_s, T::Multi,
            choices(
                u"name:名称|address:住所或经营场所|legal-rep:法定代表人或负责人|scope:经营范围或许可项目|capital:注册资本"_s),
            {{u"name-notice"_s}, pool, {u"legal-rep-cert"_s}, pool, {u"shareholder-resolution"_s}}, {}, {}},
        {u"facilities"_s, u"经营场所配备哪些设施？"_s, u"可多选"_s, T::Multi,
            choices(u"kitchen:厨房|pool:游泳池|parking:停车场|storage:仓库"_s), {pool, pool, pool, pool}, {},
            {}},
        {u"staff-types"_s, u"聘用哪些专业人员？"_s, u"可多选"_s, T::Multi,
            choices(u"doctor:执业医师|nurse:注册护士|technician:专业技术人员"_s), {pool, pool, pool}, {}, {}},
        {u"area"_s, u"经营场所面积是多少？"_s, u"按不动产权证书或租赁合同载明的面积填写"_s, T::Number, {}, {},
            u"平方米"_s, {150, 300, 500, 1000}},
        {u"building-area"_s, u"建筑面积是多少？"_s, {}, T::Number, {}, {}, u"平方米"_s, {300, 1000, 5000}},
        {u"staff"_s, u"从业人员有多少人？"_s, {}, T::Number, {}, {}, u"人"_s, {10, 50, 100}},
        {u"vehicles"_s, u"营运车辆有多少辆？"_s, {}, T::Number, {}, {}, u"辆"_s, {5, 10, 20}},
        {u"seats"_s, u"设有多少个座位？"_s, {}, T::Number, {}, {}, u"个"_s, {50, 100, 300}},
        {u"investment"_s, u"项目总投资是多少？"_s, {}, T::Number, {}, {}, u"万元"_s, {500, 3000, 10000}},
        {u"beds"_s, u"设置多少张床位？"_s, {}, T::Number, {}, {}, u"张"_s, {20, 100}},
        {u"storage"_s, u"危险化学品最大储存量是多少？"_s, {}, T::Number, {}, {}, u"吨"_s, {10, 50}},
    };
    // clang-format on
    return list;
}

QString SyntheticVocabulary::documentName(const QString &pattern, const Topic &topic)
{
    // clang-format off: one entry per line reads better than the formatter's wrapping
    static const QHash<QChar, QPair<QString, QString>> words = {
        {u'L', {u"许可"_s, u"%1许可证"_s}},
        {u'R', {u"登记"_s, u"%1登记证"_s}},
        {u'G', {u"登记"_s, u"%1登记证"_s}},
        {u'H', {u"登记"_s, u"%1登记证明"_s}},
        {u'M', {u"登记"_s, u"%1登记证"_s}},
        {u'D', {u"登记"_s, u"%1登记证明"_s}},
        {u'F', {u"备案"_s, u"%1备案回执"_s}},
        {u'A', {u"审批"_s, u"%1批准文件"_s}},
        {u'C', {u"认定"_s, u"%1认定证书"_s}},
        {u'S', {u"申领"_s, u"%1"_s}},
        {u'P', {QString(), u"%1核定通知书"_s}},
        {u'X', {QString(), u"%1受理回执"_s}},
        {u'N', {QString(), u"%1合格证"_s}},
        {u'I', {QString(), u"%1领用簿"_s}},
        {u'J', {QString(), u"%1完税证明"_s}},
        {u'T', {QString(), u"%1完税证明"_s}},
    };
    // clang-format on
    const QPair<QString, QString> w = words.value(topic.family);
    QString name = pattern;
    name.replace(u"%3"_s, w.second.isEmpty() ? topic.noun : w.second.arg(topic.noun));
    name.replace(u"%2"_s, topic.noun + w.first);
    name.replace(u"%1"_s, topic.noun);
    return name;
}

const QStringList &SyntheticVocabulary::variantSuffixes()
{
    static const QStringList list = {
        u"（分支机构）"_s,
        u"（告知承诺制）"_s,
        u"（跨区域通办）"_s,
        u"（外商投资）"_s,
        u"（简易程序）"_s,
        u"（委托下放）"_s,
    };
    return list;
}

QString SyntheticVocabulary::chineseNumber(int n)
{
    static const QString digits = u"零一二三四五六七八九"_s;
    if (n < 10)
        return QString(digits.at(n));
    if (n < 100) {
        const QString tens = n / 10 == 1 ? QString() : QString(digits.at(n / 10));
        return tens + u'十' + (n % 10 ? QString(digits.at(n % 10)) : QString());
    }
    const QString hundreds = QString(digits.at(n / 100)) + u'百';
    const int rest = n % 100;
    if (rest == 0)
        return hundreds;
    if (rest < 10)
        return hundreds + u'零' + digits.at(rest);
    if (rest < 20)
        return hundreds + u'一' + chineseNumber(rest);
    return hundreds + chineseNumber(rest);
}

} // namespace ow::synthgen
