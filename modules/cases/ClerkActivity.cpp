#include "cases/ClerkActivity.h"

#include "cases/CaseJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ow::cases {

using namespace Qt::StringLiterals;

namespace {

bool isWholeNumber(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
}

} // namespace

bool ClerkActivity::isKnownKind(const QString &kind)
{
    return kind == kConsultation || kind == kPractice;
}

bool ClerkActivity::passed() const
{
    return kind == kPractice && detail.value("passed"_L1).toBool();
}

QString ClerkActivity::problem() const
{
    if (!isKnownKind(kind))
        return QCoreApplication::translate(
            "ow::cases", "There is no clerk activity of kind “%1”; the kinds are consultation and practice.")
            .arg(kind.left(40));
    if (id.trimmed().isEmpty() || id.size() > 64)
        return QCoreApplication::translate(
            "ow::cases", "A clerk activity needs an id of at most 64 characters.");
    if (staffNumber.trimmed().isEmpty() || staffNumber.size() > 64 || clerkName.size() > 100)
        return QCoreApplication::translate("ow::cases", "A clerk activity needs the clerk's staff number.");
    if (!at.isValid())
        return QCoreApplication::translate("ow::cases", "A clerk activity needs its time.");
    if (matter.trimmed().isEmpty() || matter.size() > 100)
        return QCoreApplication::translate("ow::cases", "A clerk activity needs the matter it was about.");
    if (kind == kPractice) {
        const QJsonValue score = detail.value("score"_L1);
        const QJsonValue maxScore = detail.value("maxScore"_L1);
        if (!isWholeNumber(score) || !isWholeNumber(maxScore) || maxScore.toDouble() < 1
            || score.toDouble() < 0 || score.toDouble() > maxScore.toDouble()
            || !detail.value("passed"_L1).isBool()
            || (detail.contains("missed"_L1) && !detail.value("missed"_L1).isArray()))
            return QCoreApplication::translate("ow::cases",
                "A practice needs its score (0 to maxScore, whole numbers), maxScore and whether it "
                "passed.");
    } else {
        return consultationProblem(detail);
    }
    return {};
}

QString ClerkActivity::consultationProblem(const QJsonObject &detail)
{
    if (detail.contains("answers"_L1) && !detail.value("answers"_L1).isObject())
        return QCoreApplication::translate(
            "ow::cases", "A consultation's answers (answers) are an object of question ids and answers.");
    const bool recordedQuestion = detail.contains("question"_L1) || detail.contains("answer"_L1);
    if (recordedQuestion) {
        // A question the clerk recorded with the answer given (咨询记录); checklistPrinted is optional.
        const QString question = detail.value("question"_L1).toString().trimmed();
        if (!detail.value("question"_L1).isString() || question.isEmpty() || question.size() > kMaxQuestion)
            return QCoreApplication::translate(
                "ow::cases", "A consultation's question (question) is a text of 1 to %1 characters.")
                .arg(kMaxQuestion);
        const QString answer = detail.value("answer"_L1).toString().trimmed();
        if (!detail.value("answer"_L1).isString() || answer.isEmpty() || answer.size() > kMaxAnswer)
            return QCoreApplication::translate(
                "ow::cases", "A consultation's answer (answer) is a text of 1 to %1 characters.")
                .arg(kMaxAnswer);
        if (detail.contains("checklistPrinted"_L1) && !detail.value("checklistPrinted"_L1).isBool())
            return QCoreApplication::translate(
                "ow::cases", "A consultation's checklistPrinted is true or false.");
        return {};
    }
    if (!detail.value("checklistPrinted"_L1).isBool())
        return QCoreApplication::translate("ow::cases",
            "A consultation needs whether the checklist was printed (checklistPrinted), or a recorded "
            "question and answer (question, answer).");
    return {};
}

QString ClerkActivity::question() const
{
    return kind == kConsultation ? detail.value("question"_L1).toString() : QString();
}

QJsonObject ClerkActivity::toJson() const
{
    return QJsonObject {{u"id"_s, id}, {u"kind"_s, kind}, {u"staffNumber"_s, staffNumber},
        {u"clerkName"_s, clerkName}, {u"at"_s, CaseJson::timeText(at)}, {u"matter"_s, matter},
        {u"detail"_s, detail}};
}

Result<ClerkActivity> ClerkActivity::fromJson(const QJsonObject &object)
{
    ClerkActivity a;
    a.id = object.value("id"_L1).toString();
    a.kind = object.value("kind"_L1).toString();
    a.staffNumber = object.value("staffNumber"_L1).toString();
    a.clerkName = object.value("clerkName"_L1).toString();
    a.at = CaseJson::timeFrom(object.value("at"_L1).toString());
    a.matter = object.value("matter"_L1).toString();
    a.detail = object.value("detail"_L1).toObject();
    if (const QString problem = a.problem(); !problem.isEmpty())
        return fail(Error::Code::Invalid, problem);
    return a;
}

Result<QList<ClerkActivity>> ClerkActivity::readAll(storage::Rows &rows)
{
    QList<ClerkActivity> list;
    Result<bool> row = false;
    while ((row = rows.fetch()) && *row) {
        ClerkActivity a;
        a.id = rows.value(0).toString();
        a.kind = rows.value(1).toString();
        a.staffNumber = rows.value(2).toString();
        a.clerkName = rows.value(3).toString();
        a.at = CaseJson::timeFrom(rows.value(4).toString());
        a.matter = rows.value(5).toString();
        a.detail = QJsonDocument::fromJson(rows.value(6).toString().toUtf8()).object();
        list.append(a);
    }
    if (!row)
        return failWith(row.error());
    return list;
}

} // namespace ow::cases
