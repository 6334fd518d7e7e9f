#include "BundleThemes.h"

using namespace Qt::StringLiterals;

namespace ow::synthgen {

const QList<BundleTheme> &BundleThemes::all()
{
    // "id|name|description|keywords|departments (lead first)". The first five are the sources' own
    // examples (印刷经营企业, 餐饮企业开办, 超市, 药品零售店, 人防工程竣工验收备案 + 平时使用登记).
    // clang-format off: one entry per line reads better than the formatter's wrapping
    static const QStringList rows = {
        u"open-printing|开办印刷经营企业|企业设立登记与印刷经营许可一次办|印刷厂 印刷企业开办|culture market"_s,
        u"open-restaurant|开办餐饮企业|营业执照、食品经营许可与消防检查一次办|餐馆 饭店 开餐馆|market fire urban-management"_s,
        u"open-supermarket|开办超市|营业执照、食品经营与烟草零售许可一次办|超市 便利店|market tobacco fire"_s,
        u"open-pharmacy|开办药品零售店|药品零售许可与医保定点一次办|药店 药房|market medical-security"_s,
        u"civil-defence-works|人防工程竣工验收与平时使用|人防工程竣工验收备案与平时使用登记一次办|人防工程 防空地下室|civil-defence civil-defence"_s,
        u"open-hotel|开办宾馆|营业执照、卫生许可、特种行业许可与消防检查一次办|宾馆 旅馆 酒店|public-security market health fire"_s,
        u"open-netcafe|开办网吧|上网服务营业场所许可、营业执照与消防检查一次办|网吧 网咖|culture market fire"_s,
        u"open-ktv|开办歌舞娱乐场所|娱乐场所经营许可与消防检查一次办|KTV 歌舞厅|culture market fire"_s,
        u"open-beauty|开办美容美发店|营业执照与公共场所卫生许可一次办|理发店 美容院|market health"_s,
        u"open-gym|开办健身房|营业执照与体育经营许可一次办|健身房 游泳馆|culture market health"_s,
        u"open-kindergarten|开办幼儿园|办学审批、卫生评价与消防检查一次办|幼儿园 托儿所|education health fire"_s,
        u"open-training|开办培训机构|校外培训机构许可与法人登记一次办|培训机构 培训班|education market civil-affairs"_s,
        u"open-clinic|开办诊所|诊所备案、营业执照与医保定点一次办|诊所 门诊部|health market medical-security"_s,
        u"open-logistics|开办物流企业|营业执照与道路货运许可一次办|物流 货运公司|transport market"_s,
        u"open-garage|开办汽车维修店|营业执照、维修备案与排污登记一次办|汽修 修车|transport market environment"_s,
        u"open-taxi|从事出租汽车经营|出租汽车经营许可与道路运输证一次办|出租车 网约车|transport public-security"_s,
        u"open-travel-agency|开办旅行社|营业执照与旅行社业务经营许可一次办|旅行社|culture market"_s,
        u"open-farm-shop|开办农资店|农药、种子经营许可与营业执照一次办|农资店 农药店|agriculture market"_s,
        u"open-vet|开办动物诊所|动物诊疗许可与营业执照一次办|宠物医院 动物诊所|agriculture market"_s,
        u"open-chemicals|开办危险化学品经营企业|危化品经营许可、营业执照与消防检查一次办|危化品|emergency market fire"_s,
        u"open-fireworks|烟花爆竹零售|烟花爆竹零售许可与营业执照一次办|烟花 鞭炮|emergency market"_s,
        u"open-bookshop|开办书店|出版物零售许可与营业执照一次办|书店 书吧|culture market"_s,
        u"open-bakery|开办烘焙店|营业执照、食品经营许可与店招设置一次办|面包店 蛋糕店|market urban-management"_s,
        u"open-tea-shop|开办奶茶店|营业执照与食品经营许可一次办|奶茶店 饮品店|market urban-management"_s,
        u"open-nursing-home|开办养老机构|养老机构备案、法人登记与消防检查一次办|养老院 敬老院|civil-affairs fire medical-security"_s,
        u"open-recycling|开办再生资源回收站|回收经营者备案与营业执照一次办|废品回收|commerce market environment"_s,
        u"open-gas-station|开办加油站|成品油零售经营、危化品与消防一次办|加油站|commerce emergency fire"_s,
        u"open-labour-agency|开办劳务派遣公司|营业执照与劳务派遣经营许可一次办|劳务派遣 人力资源|human-resources market"_s,
        u"open-accounting|开办代理记账公司|营业执照与代理记账许可一次办|代账公司 会计公司|finance market tax"_s,
        u"open-security-company|开办保安服务公司|保安服务许可与营业执照一次办|保安公司|public-security market"_s,
        u"open-pawnshop|开办典当行|典当业特种行业许可与营业执照一次办|典当行|public-security market"_s,
        u"open-driving-school|开办驾驶员培训学校|驾驶员培训备案与营业执照一次办|驾校|transport market"_s,
        u"open-factory|开办小型加工厂|营业执照、环评与排污登记一次办|工厂 加工厂|market environment fire"_s,
        u"open-food-workshop|开办食品小作坊|小作坊登记与健康证明一次办|小作坊 手工作坊|market health"_s,
        u"start-investment-project|企业投资项目开工|项目备案、环评、规划许可与施工许可一次办|开工 投资项目|development environment natural-resources housing"_s,
        u"complete-building|工程竣工|竣工验收、消防验收与人防验收一次办|竣工验收|housing civil-defence environment"_s,
        u"rural-house|农村建房|乡村建设规划许可与宅基地登记一次办|建房 宅基地|natural-resources real-estate"_s,
        u"buy-new-house|购买新建商品房|预告登记、契税申报与公积金贷款一次办|买房 新房|real-estate tax housing-fund"_s,
        u"buy-second-hand-house|二手房交易|转移登记与契税申报一次办|二手房 过户|real-estate tax housing-fund"_s,
        u"mortgage-house|房屋抵押|抵押登记与公积金贷款一次办|抵押 房贷|real-estate housing-fund"_s,
        u"marriage|结婚一件事|结婚登记与户口登记项目变更一次办|结婚 领证|civil-affairs public-security"_s,
        u"newborn|出生一件事|出生登记、医保参保与预防接种一次办|出生 新生儿 上户口|public-security medical-security health"_s,
        u"school-enrolment|入学一件事|义务教育入学与户籍核验一次办|入学 报名|education public-security"_s,
        u"transfer-school|转学一件事|中小学生转学与居住证一次办|转学|education public-security"_s,
        u"retirement|退休一件事|养老保险待遇、医保与公积金提取一次办|退休 养老金|human-resources medical-security housing-fund"_s,
        u"unemployment|失业一件事|失业保险金申领与医保变更一次办|失业 失业金|human-resources medical-security"_s,
        u"after-death|身后一件事|户口注销、社保停发与医保停保一次办|死亡 户口注销|public-security human-resources medical-security civil-affairs"_s,
        u"veteran-settlement|退役军人安置|优待证、一次性经济补助与户口迁入一次办|退役 安置|veterans human-resources public-security"_s,
        u"disability-support|残疾人服务一件事|残疾人证、两项补贴与医疗救助一次办|残疾人|disabled-persons civil-affairs medical-security"_s,
        u"low-income|困难群众救助|低保、临时救助与医疗救助一次办|低保 救助|civil-affairs medical-security"_s,
        u"close-company|企业注销一件事|清税、社保注销与营业执照注销一次办|注销 关闭公司|market tax human-resources"_s,
        u"hire-employees|企业员工招聘|社保参保与公积金缴存一次办|招聘 用工 参保|human-resources housing-fund medical-security"_s,
        u"company-change|企业变更一件事|营业执照变更与税务变更一次办|变更 改名|market tax"_s,
        u"foreign-trade|开展外贸业务|对外贸易经营者备案、出口退税备案一次办|外贸 出口|commerce tax market"_s,
        u"high-tech|高新技术企业申报|高企认定与技术合同登记一次办|高新技术企业 高企|science tax"_s,
        u"outdoor-advertising|设置户外广告|户外广告设施设置与店招店牌一次办|广告牌 招牌|urban-management market"_s,
        u"road-works|道路施工一件事|城市道路挖掘、占道与夜间施工一次办|挖路 占道|urban-management transport"_s,
        u"water-works|涉河建设项目|河道管理范围内建设、水土保持与洪水影响评价一次办|涉河 河道|water natural-resources"_s,
        u"large-event|举办大型活动|大型群众性活动安全许可与消防检查一次办|活动 演唱会|public-security fire culture"_s,
        u"lightning-protection|防雷装置一件事|防雷装置设计审核与竣工验收一次办|防雷|meteorology housing"_s,
    };
    // clang-format on
    static const QList<BundleTheme> list = [] {
        QList<BundleTheme> themes;
        for (const QString &row : rows) {
            const QStringList f = row.split(u'|');
            themes.append({f.at(0), f.at(1), f.at(2), f.at(3).split(u' '), f.at(4).split(u' ')});
        }
        return themes;
    }();
    return list;
}

} // namespace ow::synthgen
