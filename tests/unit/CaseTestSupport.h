#pragma once

// Shared by the case tests and the crash-save helper: a workstation, a fixed clock, a complete
// draft and a valid applicant (numbers from DOMAIN.md).

#include "cases/CaseStore.h"
#include "core/ManualClock.h"

#include <QJsonArray>
#include <QJsonObject>

/// In a QTest: evaluates the expression once (it usually writes) and shows the error when it failed.
#define VERIFY_OK(expression)                                                                                \
    do {                                                                                                     \
        const auto &result_ = (expression);                                                                  \
        QVERIFY2(result_.has_value(), result_ ? "" : qPrintable(result_.error().toString()));                \
    } while (false)

namespace ow::cases::testing {

inline Workstation workstation(int counterNumber = 7)
{
    return Workstation {QStringLiteral("33030201"),
        QStringLiteral("W%1").arg(counterNumber, 2, 10, QLatin1Char('0')), counterNumber};
}

/// A clock that starts at noon UTC (the same calendar day in every time zone from UTC-11 to UTC+11)
/// and moves one second per call, so events are ordered and repeatable.
class SteppingClock : public ManualClock
{
public:
    explicit SteppingClock(const QDateTime &start = QDateTime(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC))
        : ManualClock(start, 1000)
    {
    }
};

inline Applicant person()
{
    Applicant a;
    a.kind = ApplicantKind::Person;
    a.name = QStringLiteral("张三丰");
    a.idNumber = QStringLiteral("11010519491231002X");
    a.contactName = QStringLiteral("张三丰");
    a.contactMobile = QStringLiteral("13812345678");
    a.address = QStringLiteral("浙江省温州市鹿城区五马街1号");
    a.postcode = QStringLiteral("325000");
    return a;
}

inline Applicant enterprise()
{
    Applicant a;
    a.kind = ApplicantKind::Enterprise;
    a.name = QStringLiteral("温州市某某印刷有限公司");
    a.idNumber = QStringLiteral("91110000600037341L");
    a.projectName = QStringLiteral("关于申请印刷经营许可");
    a.legalRepresentative = QStringLiteral("李四");
    a.contactName = QStringLiteral("王五");
    a.contactMobile = QStringLiteral("13987654321");
    a.contactIdNumber = QStringLiteral("360426199101010071");
    a.contactPhone = QStringLiteral("0577-88881234");
    a.deliverByPost = true;
    a.recipientName = QStringLiteral("王五");
    a.recipientMobile = QStringLiteral("13987654321");
    a.recipientProvince = QStringLiteral("浙江省");
    a.recipientCity = QStringLiteral("温州市");
    a.recipientDistrict = QStringLiteral("鹿城区");
    a.recipientPostcode = QStringLiteral("325000");
    a.recipientAddress = QStringLiteral("南汇街道学院中路1号");
    a.remarks = QStringLiteral("下午取件");
    return a;
}

/// A draft of 公共场所卫生许可 with answers, a two-line checklist and material checks.
inline Case draft(const QString &matterCode = QStringLiteral("330302-WJ-001"),
    const QString &matterName = QStringLiteral("公共场所卫生许可（新发证）"))
{
    Case c;
    c.matterCode = matterCode;
    c.matterName = matterName;
    c.departmentId = QStringLiteral("wj");
    c.departmentName = QStringLiteral("区卫生健康局");
    c.caseType = catalogue::MatterKind::Promised;
    c.promisedDays = 7;
    c.quantity = 1;
    c.catalogueId = QStringLiteral("lucheng");
    c.catalogueVersion = QStringLiteral("2026.3.1");
    c.answers.set(QStringLiteral("place"), catalogue::Answer::single(QStringLiteral("bath")));
    c.answers.set(QStringLiteral("services"),
        catalogue::Answer::multi({QStringLiteral("sauna"), QStringLiteral("pool")}));
    c.answers.set(QStringLiteral("area"), catalogue::Answer::numeric(180.5));
    c.answers.setNotApplicable(QStringLiteral("rooms"));
    c.situationKey = QStringLiteral("place=bath;services=pool+sauna;area=180.5");
    c.checklist = QJsonArray {
        QJsonObject {{QStringLiteral("material"), QStringLiteral("id-card")},
            {QStringLiteral("name"), QStringLiteral("居民身份证")},
            {QStringLiteral("form"), QStringLiteral("verify-original-keep-copy")},
            {QStringLiteral("copies"), 1}, {QStringLiteral("waivable"), false}},
        QJsonObject {{QStringLiteral("material"), QStringLiteral("water-report")},
            {QStringLiteral("name"), QStringLiteral("水质检测报告")},
            {QStringLiteral("form"), QStringLiteral("original")}, {QStringLiteral("copies"), 1},
            {QStringLiteral("waivable"), true}},
    };
    c.applicant = person();
    MaterialCheck id;
    id.materialId = QStringLiteral("id-card");
    id.status = MaterialCheck::Status::Received;
    id.originalSeen = true;
    id.copyKept = true;
    id.copies = 1;
    id.pointsTicked = {QStringLiteral("name-matches"), QStringLiteral("number-matches")};
    MaterialCheck water;
    water.materialId = QStringLiteral("water-report");
    water.status = MaterialCheck::Status::Received;
    water.copies = 1;
    water.failedPoints = {{QStringLiteral("within-validity"), QStringLiteral("报告已超过有效期")}};
    water.note = QStringLiteral("申请人称下周补新报告");
    c.materialChecks = {id, water};
    return c;
}

inline CaseEvent caseEvent(
    EventKind kind, const QString &clerk = QStringLiteral("clerk-042"), QJsonObject payload = {})
{
    CaseEvent e;
    e.kind = kind;
    e.clerk = clerk;
    e.payload = std::move(payload);
    return e;
}

} // namespace ow::cases::testing
